import { E_TIMEOUT, Mutex, withTimeout } from 'async-mutex';
import { publishLock } from '../diagnostics.js';
import { RuntimeError, ValueError } from '../errors.js';
import { scaledMilliseconds } from '../time-scale.js';
import { beginWait, endWait, noteLockOperation } from './deadlock-watch.js';
import { currentThread, type Thread } from './thread.js';

/** Options of `Lock.acquire`, as the arguments of Python's `Lock.acquire(blocking, timeout)`. */
export interface AcquireOptions {
  /** False: take the lock only if it is free now, never wait. Default true. */
  blocking?: boolean;
  /** Seconds (scaled) to wait at most; omitted or -1: wait as long as it takes. */
  timeout?: number;
}

/** Options of a `Lock`. */
export interface LockOptions {
  /** How a deadlock report names it: the program's variable, `lock_a`. Default `Lock-N`. */
  name?: string;
}

let locksCreated = 0;

/**
 * A mutual-exclusion lock among concurrent tasks, twin of Python's `threading.Lock`, built on
 * async-mutex. Waiters are served first come, first served (Python's lock promises no order).
 * `hold()` is the twin of `with lock:`: the lock is released when the `using` block ends, even
 * when it ends with an error. Any thread may release it, as in Python.
 *
 * A thread that waits with no timeout really blocks: while it waits, a timer keeps the program
 * alive as Python's blocked thread does (a pending promise alone would not), and if no lock is
 * taken or freed for half a second while the waiting threads and the holders of what they wait
 * for form a cycle, one line on stderr names it:
 * `Deadlock: Thread-1 holds lock_a and waits for lock_b; Thread-2 holds lock_b and waits for lock_a`.
 * The program then goes on waiting, as Python's does, until it is stopped. Nobody waiting, none
 * of this runs.
 *
 * @example const lockA = new Lock({ name: 'lock_a' }); using _held = await lockA.hold()
 */
export class Lock {
  /** How a deadlock report names the lock. */
  readonly name: string;
  readonly #mutex = new Mutex();
  #holder: Thread | undefined;

  constructor(options: LockOptions = {}) {
    locksCreated += 1;
    this.name = options.name ?? `Lock-${locksCreated}`;
  }

  /** The thread that took the lock and has not released it (any thread may release it). */
  get holder(): Thread | undefined {
    return this.#holder;
  }

  /**
   * Takes the lock, waiting for it unless told not to. Resolves true when the lock was taken,
   * false when `blocking` was false and the lock was held, or when `timeout` ran out.
   *
   * @example if (await lock.acquire({ blocking: false })) { ... }
   * @throws ValueError for a timeout with `blocking` false, or a negative timeout other than -1,
   * as Python's.
   */
  async acquire({ blocking = true, timeout = -1 }: AcquireOptions = {}): Promise<boolean> {
    if (!blocking && timeout !== -1) {
      throw new ValueError("can't specify a timeout for a non-blocking call");
    }
    if (timeout < 0 && timeout !== -1) {
      throw new ValueError('timeout value must be a non-negative number');
    }
    const thread = currentThread();
    if (!this.#mutex.isLocked()) {
      // Free: async-mutex hands it over at once, before this function first awaits.
      void this.#mutex.acquire();
      this.#taken(thread);
      return true;
    }
    if (!blocking) return false;
    publishLock('wait', this);
    if (timeout === -1) {
      const wait = beginWait(thread, this);
      try {
        await this.#mutex.acquire();
      } finally {
        endWait(wait);
      }
      this.#taken(thread);
      return true;
    }
    try {
      await withTimeout(this.#mutex, scaledMilliseconds(timeout)).acquire();
    } catch (error) {
      if (error !== E_TIMEOUT) throw error;
      publishLock('gave-up', this);
      return false;
    }
    this.#taken(thread);
    return true;
  }

  #taken(thread: Thread): void {
    this.#holder = thread;
    noteLockOperation();
    publishLock('acquired', this);
  }

  /**
   * Frees the lock, letting the longest waiter take it. Any task may release it, as in Python.
   *
   * @throws RuntimeError when the lock is not held.
   */
  release(): void {
    if (!this.#mutex.isLocked()) throw new RuntimeError('release unlocked lock');
    this.#holder = undefined;
    noteLockOperation();
    publishLock('released', this);
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
