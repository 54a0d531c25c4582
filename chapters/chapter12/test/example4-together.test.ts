import { currentThread } from '@mc/core/threading';
import { captureLines } from '@mc/testing';
import { describe, expect, it, vi } from 'vitest';
import { philosopher } from '../src/example4.js';

/** Meals each philosopher must make; after them its `think` never returns (it leaves the table). */
const MEALS = 20;
const thoughts = new Map<string, number>();
let everyoneAte: () => void = () => {};

// Every philosopher comes back to the table at once, every time: no random pause spreads them out.
// Taken without the order, the forks deadlock on the first round (each holds its left one and
// reaches for the right one, as example3's do when they happen to arrive together); taken in
// order, no schedule can freeze them.
vi.mock('../src/example3.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../src/example3.js')>()),
  think: async (): Promise<void> => {
    const name = currentThread().name;
    const count = (thoughts.get(name) ?? 0) + 1;
    thoughts.set(name, count);
    if (thoughts.size === 5 && [...thoughts.values()].every((n) => n >= MEALS)) everyoneAte();
    if (count >= MEALS) await new Promise(() => {});
  },
}));

const { table } = await import('../src/example3.js');

describe('example4.py, philosophers arriving together', () => {
  it('never freezes: all five reach for their forks at once, every round, and each eats again and again', async () => {
    const { lines } = await captureLines(async () => {
      const ate = new Promise<void>((resolve) => {
        everyoneAte = resolve;
      });
      for (const thread of table(philosopher)) thread.start();
      // Frozen, they would never get there: the wait ends, far beyond the milliseconds it takes.
      let timer: NodeJS.Timeout | undefined;
      const frozen = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, 10_000);
      });
      await Promise.race([ate, frozen]);
      clearTimeout(timer);
    });
    expect([...thoughts.values()]).toEqual([20, 20, 20, 20, 20]);
    expect(lines).toHaveLength(5 * MEALS);
  });
});
