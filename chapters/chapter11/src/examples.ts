import { defineChapter, type OutputCheck } from '@mc/runner';

const exits = { kind: 'exits' } as const;

/** The one line examples 5 and 6 print. */
const took = /^Took \d+\.\d\d seconds\.\n$/m;

/** What every server prints first: the port really bound (the twins run on a free one). */
const listening = /^Serving on \('127\.0\.0\.1', (\d+)\)$/m;

/** The twins take `--port 0`; the book's programs take no arguments and listen on 8888. */
const serverRun = { args: ['--port', '0'], python: { args: [] } } as const;

/**
 * example2's clients connect at the same moment and client 1 stays connected for two exchanges:
 * a server that serves clients together logs client 2's connection before client 1's second
 * message; one that served a client at a time would accept client 2 only once client 1 had left.
 */
const servedTogether: OutputCheck = {
  name: "the second client's connection logged before the first client's second message",
  test: (stdout) => {
    const second = [...stdout.matchAll(/^Connection from /gm)][1]?.index;
    const itsMe = stdout.indexOf(`Data received: "It's me`);
    return second !== undefined && itsMe !== -1 && second < itsMe;
  },
};

export default defineChapter({
  chapter: 'chapter11',
  title: 'Building Communication Channels with asyncio',
  examples: [
    {
      name: 'example1',
      bookFile: 'Chapter11/example1.py',
      section: 'Starting a server',
      ...serverRun,
      timeoutSeconds: 30,
      outcome: {
        kind: 'serves',
        client: {
          listening,
          bookPort: 8888,
          // Nothing comes back: the lines a reader types are only logged. With no reply to wait
          // for, the lines may reach the server as one chunk, so one "Data received" line; each
          // session waits until the server has logged its last line, so a slow server is not
          // stopped before it does.
          sessions: [
            {
              name: 'client 1',
              steps: [
                { send: 'Hello, World!\r\n' },
                { send: "It's me\r\n" },
                { serverPrints: /^Data received: .*It's me/m },
              ],
            },
            {
              name: 'client 2',
              steps: [{ send: 'second\r\n' }, { serverPrints: /^Data received: .*second/m }],
            },
          ],
        },
      },
      output: [
        listening,
        /^Connection from \('127\.0\.0\.1', \d+\)$/m,
        /^Data received: ['"]Hello, World!\\r\\n/m,
      ],
    },
    {
      name: 'example2',
      bookFile: 'Chapter11/example2.py',
      section: 'Sending messages back to clients',
      ...serverRun,
      timeoutSeconds: 30,
      outcome: {
        kind: 'serves',
        client: {
          listening,
          bookPort: 8888,
          together: true,
          sessions: [
            {
              name: 'client 1',
              steps: [
                { send: 'Hello, World!\r\n' },
                { expect: 'Echoed back: Hello, World!\r\n' },
                { send: "It's me\r\n" },
                { expect: "Echoed back: It's me\r\n" },
              ],
            },
            {
              name: 'client 2',
              steps: [{ send: 'second\r\n' }, { expect: 'Echoed back: second\r\n' }],
            },
          ],
        },
      },
      output: [
        listening,
        "Data received: 'Hello, World!\\r\\n'",
        `Data received: "It's me\\r\\n"`,
        "Data received: 'second\\r\\n'",
      ],
      checks: [servedTogether],
    },
    {
      name: 'example3',
      bookFile: 'Chapter11/example3.py',
      section: 'Closing the transports',
      ...serverRun,
      timeoutSeconds: 30,
      outcome: {
        kind: 'serves',
        client: {
          listening,
          bookPort: 8888,
          sessions: [
            {
              name: 'client 1',
              steps: [
                { send: 'Hello, World!\r\n' },
                { expect: 'Echoed back: Hello, World!\r\n' },
                { closed: true },
              ],
            },
            {
              name: 'client 2',
              steps: [
                { send: 'second\r\n' },
                { expect: 'Echoed back: second\r\n' },
                { closed: true },
              ],
            },
          ],
        },
      },
      output: [
        listening,
        /^Data received: 'Hello, World!\\r\\n'\nClose the client socket$/m,
        /^Data received: 'second\\r\\n'\nClose the client socket$/m,
      ],
    },
    {
      name: 'example4',
      bookFile: 'Chapter11/example4.py',
      section: "Fetching a website's HTML code",
      timeoutSeconds: 20,
      outcome: exits,
      output: [
        '<head><title>403 Forbidden</title></head>\r\n',
        '<hr><center>nginx/1.4.5</center>\r\n',
      ],
    },
    {
      name: 'example5',
      bookFile: 'Chapter11/example5.py',
      section: 'Writing files asynchronously',
      timeoutSeconds: 20,
      outcome: exits,
      output: [took],
    },
    {
      name: 'example6',
      bookFile: 'Chapter11/example6.py',
      section: 'Writing files asynchronously',
      timeoutSeconds: 20,
      outcome: exits,
      output: [took],
    },
  ],
});
