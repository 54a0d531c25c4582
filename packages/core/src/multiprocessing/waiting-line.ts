import type { Client } from './broker.js';

interface Waiter<T> {
  readonly client: Client;
  readonly wake: (value: T) => void;
  readonly timer: NodeJS.Timeout | undefined;
}

/**
 * @internal The clients parked on a queue's `get` or a lock's `acquire`, first come first served,
 * each until it is woken with a value or its timeout passes (then it gets null).
 */
export class WaitingLine<T> {
  readonly #waiters: Waiter<T>[] = [];

  /** Parks `client` until `wakeFirst` reaches it (its value) or `timeoutMs` passes (null). */
  wait(client: Client, timeoutMs: number | null): Promise<T | null> {
    return new Promise((resolve) => {
      const timer =
        timeoutMs === null
          ? undefined
          : setTimeout(() => {
              this.#remove(waiter);
              resolve(null);
            }, timeoutMs);
      const waiter: Waiter<T> = { client, wake: resolve, timer };
      this.#waiters.push(waiter);
    });
  }

  /** Wakes the first client waiting with `value`; false when none waits. */
  wakeFirst(value: T): boolean {
    const waiter = this.#waiters.shift();
    if (!waiter) return false;
    clearTimeout(waiter.timer);
    waiter.wake(value);
    return true;
  }

  /** Drops the waits of a client that has exited: what would wake it goes to the next one. */
  forget(client: Client): void {
    for (const waiter of this.#waiters.filter((waiting) => waiting.client === client)) {
      clearTimeout(waiter.timer);
      this.#remove(waiter);
    }
  }

  #remove(waiter: Waiter<T>): void {
    // A waiter already woken or forgotten is no longer in the line: never splice at -1, which
    // would drop the last waiter instead.
    const at = this.#waiters.indexOf(waiter);
    if (at !== -1) this.#waiters.splice(at, 1);
  }
}
