import { expect } from 'vitest';

/** The timers this process has set and not yet fired or cleared. */
export const timers = (): number =>
  process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

/**
 * Calls `wait()`, a timed wait on something already over (so it awaits only settled promises, and
 * no other timer can be set or fire meanwhile): checks that it set its one time-out timer and
 * cleared it on return, and gives its answer.
 */
export async function clearsItsTimer<T>(wait: () => Promise<T>): Promise<T> {
  const before = timers();
  const waiting = wait();
  expect(timers()).toBe(before + 1);
  const answer = await waiting;
  expect(timers()).toBe(before);
  return answer;
}
