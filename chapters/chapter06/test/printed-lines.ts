// What examples 4, 5, 7 and 8 print, read back by their tests.

/** The ten answers of examples 7 and 8, as printed after `Result: `. */
export const expectedResults = [
  '2 is a prime number.',
  '36 is not a prime number.',
  '101 is a prime number.',
  '193 is a prime number.',
  '323 is not a prime number.',
  '513 is not a prime number.',
  '1327 is a prime number.',
  '100000 is not a prime number.',
  '9999999 is not a prime number.',
  '433785907 is a prime number.',
];

/** The numbers of examples 7 and 8 that `lines` show being processed, in print order. */
export function processedNumbers(lines: readonly string[]): number[] {
  return lines
    .map((line) =>
      /^Consumer-\d+ processing task: Checking if (\d+) is a prime or not\.$/.exec(line),
    )
    .filter((match) => match !== null)
    .map((match) => Number(match[1]));
}

/** `Starting process Worker 1, ID 123...` (examples 4 and 5) -> ['Starting', 'Worker 1', 123]. */
export function parse(line: string): [string, string, number] {
  const match = /^(Starting|Exiting) process (.+), ID (\d+)\.\.\.$/.exec(line);
  if (!match) throw new Error(`unexpected line: ${line}`);
  return [match[1] as string, match[2] as string, Number(match[3])];
}
