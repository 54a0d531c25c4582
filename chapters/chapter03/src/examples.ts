import { defineChapter } from '@mc/runner';

const creatingThreads = 'Creating a new thread in Python';

export default defineChapter({
  chapter: 'chapter03',
  title: 'Working with Threads in Python',
  examples: [
    {
      name: 'my_thread',
      bookFile: 'Chapter03/my_thread.py',
      section: 'An example in Python',
      timeoutSeconds: 10,
      outcome: { kind: 'exits' },
    },
    {
      name: 'example1',
      bookFile: 'Chapter03/example1.py',
      section: 'An example in Python',
      timeoutSeconds: 15,
      outcome: { kind: 'exits' },
    },
    {
      name: 'example2',
      bookFile: 'Chapter03/example2.py',
      section: `${creatingThreads}: starting a thread with the thread module`,
      stdin: { text: '\n', afterOutput: 'Type something to quit' },
      timeoutSeconds: 15,
      outcome: { kind: 'exits' },
    },
    {
      name: 'example3',
      bookFile: 'Chapter03/example3.py',
      section: `${creatingThreads}: starting a thread with the threading module`,
      timeoutSeconds: 10,
      outcome: { kind: 'exits' },
    },
    {
      name: 'example4',
      bookFile: 'Chapter03/example4.py',
      section: 'Synchronizing threads: the threading.Lock class',
      timeoutSeconds: 20,
      outcome: { kind: 'exits' },
    },
    {
      name: 'example5',
      bookFile: 'Chapter03/example5.py',
      section: 'Queuing in concurrent programming',
      timeoutSeconds: 15,
      outcome: { kind: 'exits' },
    },
  ],
});
