import { exampleRunner } from '@mc/testing';
import { describe, expect, it } from 'vitest';

const runExample = exampleRunner(import.meta.url, { timeScale: 0.01, limitSeconds: 20 });

const prompt = 'Type something to quit: ';
const verdicts = [
  '2 is a prime number.',
  '193 is a prime number.',
  '323 is not a prime number.',
  '1327 is a prime number.',
  '433785907 is a prime number.',
];

describe('example2.py', () => {
  it('prints the five verdicts after the prompt and before Finished. when the prompt is answered', async () => {
    const run = await runExample('example2', {
      answer: { text: '\n', afterOutput: 'Type something to quit' },
    });
    expect(run.code).toBe(0);
    expect(run.lines).toEqual([prompt, ...verdicts, 'Finished.']);
  });

  it('runs the tasks while main waits for input, before any answer arrives', async () => {
    // The answer is held back until the last verdict is out: the tasks ran during the wait.
    const run = await runExample('example2', {
      answer: { text: 'bye\n', afterOutput: verdicts.at(-1) as string },
    });
    expect(run.code).toBe(0);
    expect(run.lines).toEqual([prompt, ...verdicts, 'Finished.']);
  });

  it('loses every task when it does not wait (--no-wait)', async () => {
    const run = await runExample('example2', { args: ['--no-wait'] });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('Finished.\n');
  });

  it('ends with status 0 instead of hanging when stdin is closed', async () => {
    const run = await runExample('example2', { limitSeconds: 10 });
    expect(run.code).toBe(0);
    expect(run.lines[0]).toBe(prompt);
    expect(run.lines.at(-1)).toBe('Finished.');
    expect(run.stderr).toBe('');
  });
});
