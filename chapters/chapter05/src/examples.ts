import { defineChapter } from '@mc/runner';

const exits = { kind: 'exits' } as const;

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
    },
    {
      name: 'example2',
      bookFile: 'Chapter05/example2.py',
      section: 'Running a ping test',
      timeoutSeconds: 20,
      outcome: exits,
    },
    {
      name: 'example3',
      bookFile: 'Chapter05/example3.py',
      section: 'Spawning multiple threads',
      timeoutSeconds: 30,
      outcome: exits,
    },
    {
      name: 'example4',
      bookFile: 'Chapter05/example4.py',
      section: 'Refactoring request logic',
      timeoutSeconds: 20,
      outcome: exits,
    },
    {
      // Waits for a request that answers after 20 s.
      name: 'example5',
      bookFile: 'Chapter05/example5.py',
      section: 'Support from httpstat.us and simulation in Python',
      timeoutSeconds: 60,
      outcome: exits,
    },
    {
      // Gives up after 5 s and exits at once, the 20 s request still out.
      name: 'example6',
      bookFile: 'Chapter05/example6.py',
      section: 'Timeout specifications',
      timeoutSeconds: 30,
      outcome: exits,
    },
    {
      name: 'example6_deadline',
      bookFile: 'addition beside Chapter05/example6.py',
      section: 'Timeout specifications',
      timeoutSeconds: 30,
      outcome: exits,
    },
    {
      name: 'good_practices',
      bookFile: 'addition: Chapter05 prose',
      section: 'Good practices in making web requests',
      timeoutSeconds: 60,
      outcome: exits,
    },
  ],
});
