import { E_TIMEOUT, Mutex, withTimeout } from 'async-mutex';
import { RuntimeError } from '../errors.js';
import { scaledMilliseconds } from '../time-scale.js';

/** Options of `Lock.acquire`, as the arguments of Python's `Lock.acquire(blocking, timeout)`. */
export interface AcquireOptions {
  /** False: take the lock only if it is free now, never wait. Default true. */
  blocking?: boolean;
  /** Seconds (scaled) to wait at most; omitted or -1: wait as long as it takes. */
  timeout?: number;
}

/**
 * A mutual-exclusion lock among concurrent tasks, twin of Python's `threading.Lock`, built on
 * async-mutex. Waiters are served first come, first served. `hold()` is the twin of `with lock:`:
 * the lock is released when the `using` block ends, even when it ends with an error.
 *
 * A task waiting for a lock nobody will release waits forever, but in Node a pending promise does
 * not keep the program alive: with nothing else to do, the program would end. Use a `timeout` to
 * detect it, or run under `runMain`, which reports such a stall.
 *
 * @example using _held = await lock.hold()
 */
export class Lock {
  readonly #mutex = new Mutex();

  /**
   * Takes the lock, waiting for it unless told not to. Resolves true when the lock was taken,
   * false when `blocking` was false and the lock was held, or when `timeout` ran out.
   *
   * @example if (await lock.acquire({ blocking: false })) { ... }
   */
  async acquire({ blocking = true, timeout = -1 }: AcquireOptions = {}): Promise<boolean> {
    if (!blocking) {
      if (this.#mutex.isLocked()) return false;
      await this.#mutex.acquire();
      return true;
    }
    if (timeout === -1) {
      await this.#mutex.acquire();
      return true;
    }
    try {
      await withTimeout(this.#mutex, scaledMilliseconds(timeout)).acquire();
      return true;
    } catch (error) {
      if (error === E_TIMEOUT) return false;
      throw error;
    }
  }

  /**
   * Frees the lock, letting the longest waiter take it. Any task may release it, as in Python.
   *
   * @throws RuntimeError when the lock is not held.
   */
  release(): void {
    if (!this.#mutex.isLocked()) throw new RuntimeError('release unlocked lock');
    this.#mutex.release();
  }

  /** True while some task holds the lock. Twin of `locked()`. */
  locked(): boolean {
    return this.#mutex.isLocked();
  }

  /**
   * Waits for the lock and returns a disposable that releases it: the twin of `with lock:`.
   *
   * @example { using _held = await lock.hold(); criticalSection() } // released here
   */
  async hold(): Promise<Disposable> {
    await this.acquire();
    return { [Symbol.dispose]: () => this.release() };
  }
}
