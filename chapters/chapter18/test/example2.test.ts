import { runExample, startExample } from '@mc/testing';
import { expect, it } from 'vitest';
import { packageDir } from './server.js';

const PROMPT = 'Please enter a list of integer, separated by commas: ';

it('answers each line with its sum and product, refuses what is not integers, and ends with EOFError at the end of input', async () => {
  const run = await runExample(packageDir, 'example2', {
    answer: { text: '1,2,3\n4, 5\nabc\n\n1_0,2\n-3,4\n', afterOutput: PROMPT },
  });
  expect(run.stdout).toBe(
    [
      `${PROMPT}Sum of input integers 6`,
      'Product of input integers 6',
      `${PROMPT}Sum of input integers 9`,
      'Product of input integers 20',
      `${PROMPT}ERROR. Enter only integers separated by commas`,
      `${PROMPT}ERROR. Enter only integers separated by commas`,
      `${PROMPT}Sum of input integers 12`,
      'Product of input integers 20',
      `${PROMPT}Sum of input integers 1`,
      'Product of input integers -12',
      PROMPT,
    ].join('\n'),
  );
  expect(run.stderr).toBe('EOFError: EOF when reading a line\n');
  expect(run.code).toBe(1);
});

it('prints Finished. and exits 0 on Ctrl+C (SIGINT) while it waits for a line', async () => {
  const run = startExample(packageDir, 'example2');
  await run.until(() => run.stdout === PROMPT, 'the prompt alone');
  expect(await run.stop('SIGINT')).toEqual({ code: 0, signal: null });
  expect(run.stdout).toBe(`${PROMPT}\nFinished.\n`);
});
