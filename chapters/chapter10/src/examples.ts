import { defineChapter } from '@mc/runner';

/** The 9 countdown lines' labels and counters, and the end; timings vary, so only these are named. */
const COUNTDOWN_END = /^-{40}\nDone\.\n$/m;
const SEQUENTIAL_LABELS =
  /A = 3[\s\S]*A = 2[\s\S]*A = 1[\s\S]*B = 3[\s\S]*B = 2[\s\S]*B = 1[\s\S]*C = 3[\s\S]*C = 2[\s\S]*C = 1/;
// Concurrent: C's first line before anyone else's, A's last line last (the A=3/C=2 tie may swap).
const CONCURRENT_LABELS =
  /^-{40}\n\d+\.\d{4} \t\t\tC = 3\n[\s\S]*B = 1\n-{40}\n\d+\.\d{4} \tA = 1\n/;
const PRIMES_SEQUENTIAL =
  'Processing 9637529763296797...\n9637529763296797 is a prime number.\nProcessing 427920331...\n427920331 is a prime number.\nProcessing 157...\n157 is a prime number.\n';
const PRIMES_COOPERATIVE =
  'Processing 9637529763296797...\nProcessing 427920331...\n427920331 is a prime number.\nProcessing 157...\n157 is a prime number.\n9637529763296797 is a prime number.\n';
const TOOK = /^Took \d+\.\d{2} seconds\.\n$/m;

export default defineChapter({
  chapter: 'chapter10',
  title: 'Implementing Asynchronous Programming in Python',
  examples: [
    {
      name: 'example1',
      bookFile: 'Chapter10/example1.py',
      section: 'Coroutines, tasks and the event loop: a sequential countdown',
      timeoutSeconds: 20,
      outcome: { kind: 'exits' },
      output: [SEQUENTIAL_LABELS, COUNTDOWN_END],
    },
    {
      name: 'example2',
      bookFile: 'Chapter10/example2.py',
      section: 'The asyncio API: asynchronous countdowns',
      timeoutSeconds: 15,
      outcome: { kind: 'exits' },
      output: [CONCURRENT_LABELS, COUNTDOWN_END],
      // Seen in --trace: the three tasks are all under way at once, taking turns on one thread.
      trace: [{ overlap: 'task', lanes: 3, named: /^Task-/ }],
    },
    {
      name: 'new_countdown.1',
      bookFile: 'Chapter10/new_countdown.1.py',
      section: 'The asyncio API: asyncio.run and gather',
      timeoutSeconds: 15,
      outcome: { kind: 'exits' },
      output: [CONCURRENT_LABELS, COUNTDOWN_END],
    },
    {
      name: 'factorial',
      bookFile: 'Chapter10/factorial.py',
      section: 'The asyncio API: gathering coroutines',
      timeoutSeconds: 15,
      outcome: { kind: 'exits' },
      output: [
        'Task A: Compute factorial(2).\nTask B: Compute factorial(2).\nTask A: Compute factorial(3).\nTask B: Compute factorial(3).\nTask A: factorial(3) is 6.\nTask B: Compute factorial(4).\nTask B: factorial(4) is 24.\n',
        /^Total time: {2}\d+\.\d{4}\.\n$/m,
      ],
    },
    {
      name: 'example3',
      bookFile: 'Chapter10/example3.py',
      section: 'Asynchronous prime-checking: the sequential baseline',
      timeoutSeconds: 20,
      outcome: { kind: 'exits' },
      output: [PRIMES_SEQUENTIAL, TOOK],
    },
    {
      name: 'example4',
      bookFile: 'Chapter10/example4.py',
      section: 'Asynchronous prime-checking: cooperative tasks',
      timeoutSeconds: 20,
      outcome: { kind: 'exits' },
      output: [PRIMES_COOPERATIVE, TOOK],
    },
    {
      name: 'example5',
      bookFile: 'Chapter10/example5.py',
      section: 'Blocking functions: run_in_executor with a thread pool',
      timeoutSeconds: 15,
      outcome: { kind: 'exits' },
      output: [CONCURRENT_LABELS, COUNTDOWN_END],
    },
    {
      name: 'example6',
      bookFile: 'Chapter10/example6.py',
      section: 'Blocking functions: run_in_executor with a process pool',
      timeoutSeconds: 20,
      outcome: { kind: 'exits' },
      // The order across workers varies; the big number's verdict comes last.
      output: [
        /^Processing 9637529763296797\.\.\.$/m,
        /^427920331 is a prime number\.$/m,
        /^157 is a prime number\.$/m,
        /^9637529763296797 is a prime number\.\nTook \d+\.\d{2} seconds\.\n$/m,
      ],
    },
    {
      name: 'echo_server',
      bookFile: 'Chapter10/echo_server.py',
      section: 'A TCP echo server with asyncio streams',
      timeoutSeconds: 30,
      outcome: {
        kind: 'serves',
        client: {
          listening: /^Serving on \('127\.0\.0\.1', (\d+)\)$/m,
          sessions: [
            {
              name: 'client 1',
              steps: [{ send: 'Hello, World!' }, { expect: 'Hello, World!' }, { closed: true }],
            },
            {
              name: 'client 2 (telnet)',
              steps: [{ send: "It's me\r\n" }, { expect: "It's me\r\n" }, { closed: true }],
            },
          ],
        },
      },
      output: [
        /^Serving on \('127\.0\.0\.1', \d+\)$/m,
        /^Received 'Hello, World!' from \('127\.0\.0\.1', \d+\)\nSend: 'Hello, World!'\nClose the client socket$/m,
        /^Received "It's me\\r\\n" from \('127\.0\.0\.1', \d+\)\nSend: "It's me\\r\\n"\nClose the client socket$/m,
      ],
    },
    {
      name: 'aiohttp_client',
      bookFile: 'Chapter10/aiohttp_client.py',
      section: 'HTTP requests with aiohttp',
      timeoutSeconds: 15,
      outcome: { kind: 'exits' },
      // Characters, not bytes: the imitated page is 50,027 bytes of UTF-8 with one two-byte character.
      output: ['50026\n'],
    },
    {
      name: 'custom_client',
      bookFile: 'Chapter10/custom_client.py',
      section: 'HTTP requests with aiohttp (the book left this file unfinished)',
      timeoutSeconds: 15,
      outcome: { kind: 'exits' },
      output: ['50026\n'],
    },
  ],
});
