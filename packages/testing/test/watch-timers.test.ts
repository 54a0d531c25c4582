import { describe, expect, it } from 'vitest';
import { watchTimers } from '../src/watch-timers.js';

describe('watchTimers', () => {
  it("counts the body's own timers that keep the process alive, and not others'", async () => {
    const outside = setTimeout(() => undefined, 60_000);
    let kept: NodeJS.Timeout | undefined;
    try {
      const { value, pending } = await watchTimers(async (pendingNow) => {
        kept = setTimeout(() => undefined, 60_000);
        setTimeout(() => undefined, 60_000).unref();
        const cleared = setTimeout(() => undefined, 60_000);
        clearTimeout(cleared);
        await new Promise((resolve) => setTimeout(resolve, 0)); // fired: gone
        return pendingNow();
      });
      expect(value).toBe(1);
      expect(pending).toBe(1);
      clearTimeout(kept);
      expect((await watchTimers(async () => undefined)).pending).toBe(0);
    } finally {
      clearTimeout(outside);
      clearTimeout(kept);
    }
  });
});
