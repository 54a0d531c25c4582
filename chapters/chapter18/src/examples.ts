import { type ClientSession, defineChapter, type Outcome, type OutputCheck } from '@mc/runner';

/** The servers' start-up line; its group is the port bound. */
const listening = /^Server up, running, and waiting for call on localhost (\d+)$/m;

/**
 * Every server listens on a free port (`--port 0`): the runner reads it from the start-up line.
 * The book's Python servers ignore their arguments and take 8080 (`bookPort`: under `--python` the
 * runner waits until that port is clear of TIME_WAIT, since they bind it without SO_REUSEADDR).
 */
const freePort = ['--port', '0'];

/**
 * Whether the server's log shows its second client's connection before its first client's `quit`:
 * two clients served at once. The runner connects both sessions at the same moment, so a server
 * that serves one client at a time logs the second connection only once the first has left.
 */
export function secondServedBeforeFirstLeft(stdout: string): boolean {
  const connections = [
    ...stdout.matchAll(/^Received connection from (\('127\.0\.0\.1', \d+\))$/gm),
  ];
  const [first, second] = connections;
  if (!first?.[1] || second?.index === undefined) return false;
  const firstQuit = stdout.indexOf(`${first[1]} quit\n`);
  return firstQuit !== -1 && second.index < firstQuit;
}

/** The reactor's lesson in its log: the second client is in while the first still is. */
const servedTogether: OutputCheck = {
  name: "the second client's connection logged before the first client's quit",
  test: secondServedBeforeFirstLeft,
};

/** The one-client-at-a-time lesson in its log: the second client waits until the first has quit. */
const servedInTurn: OutputCheck = {
  name: "the second client's connection logged only after the first client's quit",
  test: (stdout) =>
    /^Received connection from .*\n[\s\S]*^Received connection from /m.test(stdout) &&
    !secondServedBeforeFirstLeft(stdout),
};

/** A server example's outcome: its sessions connect at once and run side by side. */
function servesTogether(...sessions: ClientSession[]): Outcome {
  return { kind: 'serves', client: { listening, bookPort: 8080, together: true, sessions } };
}

/** The book's exchange with the calculator (examples 3 and 6, which differ in one word). */
function calculatorSession(noun: 'numbers' | 'integers'): ClientSession['steps'] {
  return [
    { expect: '<welcome: starting in sum mode>\n' },
    { send: 'hello\r\n' },
    { expect: 'ERROR. Enter only integers separated by commas\n' },
    { send: '1,2,3\r\n' },
    { expect: `Sum of input ${noun}: '6'\r\n` },
    { send: 'product\r\n' },
    { expect: '<switching to product mode>\r\n' },
    { send: ' 4, 5 ,6 \r\n' },
    { expect: `Product of input ${noun}: '120'\r\n` },
    { send: '99999999999999999999,99999999999999999999\r\n' },
    { expect: `Product of input ${noun}: '9999999999999999999800000000000000000001'\r\n` },
    { send: 'quit\r\n' },
    { expect: 'connection closed\r\n' },
    { closed: true },
  ] as const;
}

export default defineChapter({
  chapter: 'chapter18',
  title: 'Building a Server from Scratch',
  examples: [
    {
      // Two clients at once: the second is answered only after the first has typed quit.
      name: 'example1',
      bookFile: 'Chapter18/example1.py',
      section: 'The echo server: one client at a time',
      args: freePort,
      timeoutSeconds: 30,
      outcome: servesTogether(
        {
          name: 'client 1',
          steps: [
            { send: 'hello\r\n' },
            { expect: "Echoed: 'hello'\r\n" },
            { send: "it's \u00e9 ok  \r\n" },
            { expect: `Echoed: "it's \\xe9 ok"\r\n` },
            { send: 'quit\r\n' },
            { expect: 'connection closed\r\n' },
            { closed: true },
          ],
        },
        {
          name: 'client 2',
          steps: [
            { send: 'waiting\r\n' },
            { expect: "Echoed: 'waiting'\r\n" },
            { send: 'quit\r\n' },
            { expect: 'connection closed\r\n' },
          ],
        },
      ),
      output: [
        listening,
        /^\('127\.0\.0\.1', \d+\) --> hello$/m,
        /^\('127\.0\.0\.1', \d+\) quit$/m,
      ],
      checks: [servedInTurn],
    },
    {
      // Python's KeyboardInterrupt, Ctrl+C, ends it with status 0 and `Finished.`; the end of the
      // fed input is an EOFError, as in Python.
      name: 'example2',
      bookFile: 'Chapter18/example2.py',
      section: 'The calculator on standard input',
      stdin: { text: '1,2,3\n4, 5\nabc\n\n1_0,2\n-3,4\n' },
      timeoutSeconds: 10,
      outcome: { kind: 'fails', error: 'EOFError' },
      output: [
        'Please enter a list of integer, separated by commas: Sum of input integers 6\nProduct of input integers 6\n',
        'Please enter a list of integer, separated by commas: ERROR. Enter only integers separated by commas\n',
        'Sum of input integers 1\nProduct of input integers -12\n',
      ],
    },
    {
      // The second client is welcomed only once the first has left; it then leaves without quit,
      // which the book's server answers by spinning at full CPU (see the README).
      name: 'example3',
      bookFile: 'Chapter18/example3.py',
      section: 'The calculator server, one client at a time',
      args: freePort,
      timeoutSeconds: 30,
      outcome: servesTogether(
        { name: 'client 1', steps: calculatorSession('numbers') },
        {
          name: 'client 2',
          steps: [{ send: '2,3\r\n' }, { expect: "Sum of input numbers: '5'\r\n" }],
        },
      ),
      output: [listening, /^\('127\.0\.0\.1', \d+\) --> {2}4, 5 ,6$/m],
      checks: [servedInTurn],
    },
    {
      name: 'example4',
      bookFile: 'Chapter18/example4.py',
      section: 'Generators: asking one value too many',
      timeoutSeconds: 10,
      outcome: { kind: 'fails', error: 'StopIteration' },
      output: [/^8\nInside the outer for loop\.\.\.\n$/m],
    },
    {
      name: 'example5',
      bookFile: 'Chapter18/example5.py',
      section: 'A coroutine driven by hand',
      timeoutSeconds: 10,
      outcome: { kind: 'exits' },
      output: [
        'Printing from main(): 4\nPrinting from read_data(): 4\nPrinting from process(): 8\nProcessing done.\n',
      ],
    },
    {
      // Both clients at once, each in its own mode; the second leaves without quit.
      name: 'example6',
      bookFile: 'Chapter18/example6.py',
      section: 'The reactor: many clients, one thread',
      args: freePort,
      timeoutSeconds: 30,
      outcome: servesTogether(
        { name: 'client 1', steps: calculatorSession('integers') },
        {
          name: 'client 2',
          steps: [
            { expect: '<welcome: starting in sum mode>\n' },
            { send: '2,3\r\n' },
            { expect: "Sum of input integers: '5'\r\n" },
          ],
        },
      ),
      output: [listening, /^\('127\.0\.0\.1', \d+\) quit$/m],
      checks: [servedTogether],
    },
  ],
});
