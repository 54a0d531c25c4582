import { publishLock } from '../diagnostics.js';
import { ValueError } from '../errors.js';
import { scaledMilliseconds } from '../time-scale.js';
import { type Client, hold, type SharedState } from './broker.js';
import { request } from './client.js';
import { registerSharedKind, SHARE, type SharedReference } from './codec.js';
import { WaitingLine } from './waiting-line.js';

/** Options of `acquire`, as Python's `block` and `timeout` arguments. */
export interface LockAcquireOptions {
  /** False: return false at once when the lock is held. Default true. */
  block?: boolean;
  /** Seconds (scaled) to wait at most; then `acquire` returns false. */
  timeout?: number;
}

/** @internal A lock as the process that created it holds it, with the processes waiting for it. */
export class LockState implements SharedState {
  readonly kind = 'Lock';
  #locked = false;
  readonly #waiters = new WaitingLine<true>();

  acquire(block: boolean, timeoutMs: number | null, client: Client): Promise<boolean> | boolean {
    if (!this.#locked) {
      this.#locked = true;
      return true;
    }
    if (!block) return false;
    return this.#waiters.wait(client, timeoutMs).then((woken) => woken === true);
  }

  release(): void {
    if (!this.#locked) throw new ValueError('semaphore or lock released too many times');
    // Handed straight to the next waiter, if any: the lock stays taken.
    if (!this.#waiters.wakeFirst(true)) this.#locked = false;
  }

  locked(): boolean {
    return this.#locked;
  }

  forget(client: Client): void {
    this.#waiters.forget(client);
  }
}

/**
 * A lock shared by processes, twin of Python's `multiprocessing.Lock`: one process at a time holds
 * it, the others wait in turn. The process that creates it holds its state; a child it is passed
 * to asks over the IPC channel, so `release` is awaited too. As in Python, any process may
 * release it, and a lock held by a process that dies stays locked.
 *
 * @example await using _ = await lock.hold(); // with lock:
 */
export class Lock {
  #state: LockState | undefined = new LockState();
  #id: number | undefined;

  static {
    registerSharedKind('Lock', (id) => {
      const lock = new Lock();
      lock.#state = undefined;
      lock.#id = id;
      return lock;
    });
  }

  #call(op: string, ...args: unknown[]): Promise<unknown> {
    const state = this.#state as unknown as Record<string, (...args: unknown[]) => unknown>;
    if (this.#state) return Promise.resolve().then(() => state[op]?.(...args, 'self'));
    return request(this.#id as number, op, args);
  }

  /** @internal */
  [SHARE](): SharedReference {
    if (!this.#state)
      throw new TypeError('a lock can be passed on only by the process that created it');
    this.#id ??= hold(this.#state);
    return { $shared: 'Lock', id: this.#id };
  }

  /**
   * Takes the lock, waiting for it unless `block` is false, at most `timeout` seconds if given;
   * true when taken. Twin of `acquire(block=True, timeout=None)`.
   */
  async acquire({ block = true, timeout }: LockAcquireOptions = {}): Promise<boolean> {
    const timeoutMs = timeout === undefined ? null : scaledMilliseconds(timeout);
    publishLock('wait', this);
    const taken = (await this.#call('acquire', block, timeoutMs)) as boolean;
    publishLock(taken ? 'acquired' : 'gave-up', this);
    return taken;
  }

  /** Frees the lock. Twin of `release()`. @throws ValueError when it is not held. */
  async release(): Promise<void> {
    await this.#call('release');
    publishLock('released', this);
  }

  /** Takes the lock and gives it back when disposed: the twin of `with lock:`. */
  async hold(): Promise<AsyncDisposable> {
    await this.acquire();
    return { [Symbol.asyncDispose]: () => this.release() };
  }
}
