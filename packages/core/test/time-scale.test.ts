import { afterEach, describe, expect, it } from 'vitest';
import { scaledMilliseconds, timeScale, ValueError } from '../src/index.js';
import { sleep } from '../src/time/index.js';

const saved = process.env.BOOK_TIME_SCALE;
afterEach(() => {
  if (saved === undefined) delete process.env.BOOK_TIME_SCALE;
  else process.env.BOOK_TIME_SCALE = saved;
});

describe('timeScale', () => {
  it('is 1 when BOOK_TIME_SCALE is not set', () => {
    delete process.env.BOOK_TIME_SCALE;
    expect(timeScale()).toBe(1);
  });

  it('reads BOOK_TIME_SCALE', () => {
    process.env.BOOK_TIME_SCALE = '0.01';
    expect(timeScale()).toBe(0.01);
    expect(scaledMilliseconds(2)).toBe(20);
  });

  it.each(['-1', 'fast', 'Infinity'])('rejects BOOK_TIME_SCALE=%s with a message', (value) => {
    process.env.BOOK_TIME_SCALE = value;
    expect(() => timeScale()).toThrow(/BOOK_TIME_SCALE must be a non-negative number/);
  });

  it('rejects negative durations', () => {
    expect(() => scaledMilliseconds(-1)).toThrow(ValueError);
  });
});

describe('sleep', () => {
  it('honours the time scale: 1000 book seconds at 1/10000 end within the test timeout', async () => {
    process.env.BOOK_TIME_SCALE = '0.0001';
    await sleep(1000);
  });

  it('ends early with an AbortError when its signal aborts', async () => {
    const controller = new AbortController();
    const sleeping = sleep(60, { signal: controller.signal });
    controller.abort();
    await expect(sleeping).rejects.toMatchObject({ name: 'AbortError' });
  });
});
