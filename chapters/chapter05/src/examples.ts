import { defineChapter } from '@mc/runner';

const exits = { kind: 'exits' } as const;

/**
 * One line `URL: result` per entry, in order, against the embedded server (127.0.0.1, any port).
 * A string is matched as it is, a RegExp by its pattern.
 */
function results(...lines: (string | RegExp)[]): RegExp {
  const escaped = lines.map((line) =>
    typeof line === 'string' ? line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : line.source,
  );
  return new RegExp(
    `^${escaped.map((line) => `http://127\\.0\\.0\\.1:\\d+/${line}`).join('\n')}$`,
    'm',
  );
}

/** The book's six pings, in its order: what examples 2 and 4 print first. */
const pingResults = results(
  '200: 200 OK',
  '400: 400 Bad Request',
  '404: 404 Not Found',
  '408: 408 Request Timeout',
  '500: 500 Internal Server Error',
  '524: 524 A Timeout Occurred',
);

/** The last two lines of the timed examples. */
const tookDone = /^Took {2}\d+\.\d\d seconds\nDone\.\n$/m;

/**
 * What example6 prints first, and its deadline twin too: the 20 s request meets its 5 s timeout. The
 * 4 s one answers before it at the book's timings, but at a small time scale the 1 s margin shrinks
 * to timer jitter, so either result is accepted there.
 */
const example6Results = results(
  '200: 200 OK',
  /200\?sleep=4000: (200 OK|Custom timeout)/,
  '200?sleep=20000: Custom timeout',
  '400: 400 Bad Request',
);

export default defineChapter({
  chapter: 'chapter05',
  title: 'Concurrent Web Requests',
  examples: [
    {
      name: 'example1',
      bookFile: 'Chapter05/example1.py',
      section: 'Making a request in Python',
      timeoutSeconds: 20,
      outcome: exits,
      output: [/^200\n\{'content-type': 'text\/html; charset=utf-8', .*\}\nDone\.\n$/m],
    },
    {
      name: 'example2',
      bookFile: 'Chapter05/example2.py',
      section: 'Running a ping test',
      timeoutSeconds: 20,
      outcome: exits,
      output: [pingResults, /^Done\.\n$/m],
    },
    {
      name: 'example3',
      bookFile: 'Chapter05/example3.py',
      section: 'Spawning multiple threads',
      timeoutSeconds: 30,
      outcome: exits,
      // The six URLs twice: in turn, then from a thread each (in the order they answer).
      output: [
        results('200: 200 OK'),
        /^Sequential: {2}\d+\.\d\d seconds$/m,
        /^Threading: {2}\d+\.\d\d seconds\n$/m,
      ],
      // Seen in --trace: the threads' requests are in flight together.
      trace: [{ overlap: 'io', lanes: 2, named: /^Thread-/ }],
    },
    {
      name: 'example4',
      bookFile: 'Chapter05/example4.py',
      section: 'Refactoring request logic',
      timeoutSeconds: 20,
      outcome: exits,
      output: [pingResults, tookDone],
    },
    {
      // Waits for a request that answers after 20 s.
      name: 'example5',
      bookFile: 'Chapter05/example5.py',
      section: 'Support from httpstat.us and simulation in Python',
      timeoutSeconds: 60,
      outcome: exits,
      output: [results('200: 200 OK', '200?sleep=20000: 200 OK', '400: 400 Bad Request'), tookDone],
    },
    {
      // Gives up after 5 s and exits at once, the 20 s request still out.
      name: 'example6',
      bookFile: 'Chapter05/example6.py',
      section: 'Timeout specifications',
      timeoutSeconds: 30,
      outcome: exits,
      output: [example6Results, tookDone],
    },
    {
      name: 'example6_deadline',
      bookFile: 'addition beside Chapter05/example6.py',
      section: 'Timeout specifications',
      timeoutSeconds: 30,
      outcome: exits,
      output: [example6Results, tookDone],
    },
    {
      name: 'good_practices',
      bookFile: 'addition: Chapter05 prose',
      section: 'Good practices in making web requests',
      timeoutSeconds: 60,
      outcome: exits,
      output: [/^Took \d+\.\d\d seconds\nDone\.\n$/m],
    },
  ],
});
