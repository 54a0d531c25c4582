/** What the calculator servers (examples 3 and 6) answer, as the book's servers answer them. */

const ERROR = 'ERROR. Enter only integers separated by commas\n';

/** The book's exchange: LF after the welcome and the errors, CRLF after everything else. */
export const calculatorExchange = (noun: string): [string, string][] => [
  ['hello\r\n', ERROR],
  ['\r\n', ERROR],
  ['1,2,3\n', `Sum of input ${noun}: '6'\r\n`],
  ['sum\n', '<switching to sum mode>\r\n'],
  ['product\n', '<switching to product mode>\r\n'],
  ['1,2,3\n', `Product of input ${noun}: '6'\r\n`],
  [' 4, 5 ,6 \n', `Product of input ${noun}: '120'\r\n`],
  ['1_000,2\n', `Product of input ${noun}: '2000'\r\n`],
  ['1.5,2\n', ERROR],
  [
    '99999999999999999999,99999999999999999999\n',
    `Product of input ${noun}: '9999999999999999999800000000000000000001'\r\n`,
  ],
  ['-1,+2\n', `Product of input ${noun}: '-2'\r\n`],
  ['quit\r\n', 'connection closed\r\n'],
];
