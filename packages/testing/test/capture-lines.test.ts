import { afterEach, describe, expect, it } from 'vitest';
import { captureLines, interceptPrinted } from '../src/index.js';

describe('captureLines', () => {
  const original = console.log;
  const scaleBefore = process.env.BOOK_TIME_SCALE;
  afterEach(() => {
    console.log = original;
    if (scaleBefore === undefined) delete process.env.BOOK_TIME_SCALE;
    else process.env.BOOK_TIME_SCALE = scaleBefore;
  });

  it("returns the printed lines, the function's value and its wall time", async () => {
    const captured = await captureLines(async () => {
      console.log('one');
      await new Promise((resolve) => setTimeout(resolve, 50));
      return 42;
    });
    expect(captured.lines).toEqual(['one']);
    expect(captured.value).toBe(42);
    expect(captured.seconds).toBeGreaterThanOrEqual(0.045);
  });

  it('joins the values of one call with a space and splits text at newlines', async () => {
    const { lines } = await captureLines(() => {
      console.log('a', 1, true);
      console.log('first\nsecond');
    });
    expect(lines).toEqual(['a 1 true', 'first', 'second']);
  });

  it('sets BOOK_TIME_SCALE while the function runs, then restores console.log and the env', async () => {
    process.env.BOOK_TIME_SCALE = '0.5';
    const { value } = await captureLines(() => process.env.BOOK_TIME_SCALE, { timeScale: 0.04 });
    expect(value).toBe('0.04');
    expect(process.env.BOOK_TIME_SCALE).toBe('0.5');
    expect(console.log).toBe(original);

    delete process.env.BOOK_TIME_SCALE;
    await captureLines(() => undefined, { timeScale: '0.01' });
    expect('BOOK_TIME_SCALE' in process.env).toBe(false);
  });

  it('leaves BOOK_TIME_SCALE alone without a timeScale', async () => {
    process.env.BOOK_TIME_SCALE = '0.2';
    const { value } = await captureLines(() => process.env.BOOK_TIME_SCALE);
    expect(value).toBe('0.2');
  });

  it('restores console.log and the env when the function throws', async () => {
    delete process.env.BOOK_TIME_SCALE;
    await expect(
      captureLines(
        () => {
          throw new Error('boom');
        },
        { timeScale: 0.01 },
      ),
    ).rejects.toThrow('boom');
    expect(console.log).toBe(original);
    expect('BOOK_TIME_SCALE' in process.env).toBe(false);
  });

  it("captures what is written to process.stdout, as core's print writes, split at newlines", async () => {
    const { lines } = await captureLines(() => {
      process.stdout.write('Result 1: [2, 3]\n');
      console.log('between');
      process.stdout.write('one piece, ');
      process.stdout.write('then its end\nand a last one');
    });
    expect(lines).toEqual([
      'Result 1: [2, 3]',
      'between',
      'one piece, then its end',
      'and a last one',
    ]);
    expect(Object.hasOwn(process.stdout, 'write')).toBe(false);
  });
});

describe('interceptPrinted', () => {
  it('hands each line to its callback until stopped, then puts printing back', () => {
    const seen: string[] = [];
    const stop = interceptPrinted((line) => seen.push(line));
    process.stdout.write('a\nb\n');
    console.log('c', 1);
    stop();
    expect(seen).toEqual(['a', 'b', 'c 1']);
    expect(Object.hasOwn(process.stdout, 'write')).toBe(false);
  });
});
