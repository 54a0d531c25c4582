import { observeQueueWait } from '../diagnostics.js';
import { Empty, Full } from '../errors.js';
import { scaledMilliseconds } from '../time-scale.js';

/** Options of `Queue.get` and `Queue.put`, as Python's `block` and `timeout` arguments. */
export interface QueueWaitOptions {
  /** False: raise `Empty`/`Full` at once instead of waiting. Default true. */
  block?: boolean;
  /** Seconds (scaled) to wait at most before raising `Empty`/`Full`; omitted: no limit. */
  timeout?: number;
}

interface Waiter {
  wake: () => void;
}

/**
 * A first-in first-out queue shared by concurrent tasks, twin of Python's `queue.Queue`. With a
 * `maxsize` above 0 it is bounded: `put` waits while it is full. `get` waits while it is empty.
 * Both accept `{ block: false }` and `{ timeout }`, raising `Empty` or `Full` as Python does.
 *
 * @example const queue = new Queue<number>(); await queue.put(1); const x = await queue.get()
 */
export class Queue<T> {
  /** 0 or less: unbounded. */
  readonly maxsize: number;
  readonly #items: T[] = [];
  readonly #getters: Waiter[] = [];
  readonly #putters: Waiter[] = [];

  constructor(maxsize = 0) {
    this.maxsize = maxsize;
  }

  /** The number of items waiting. Twin of `qsize()`. */
  qsize(): number {
    return this.#items.length;
  }

  /** True when no item is waiting. */
  empty(): boolean {
    return this.#items.length === 0;
  }

  /** True when the queue is bounded and holds `maxsize` items. */
  full(): boolean {
    return this.maxsize > 0 && this.#items.length >= this.maxsize;
  }

  /**
   * Adds an item at the end, waiting for room if the queue is bounded and full.
   *
   * @throws Full when `block` is false or `timeout` runs out and there is still no room.
   */
  async put(item: T, options: QueueWaitOptions = {}): Promise<void> {
    const deadline = deadlineOf(options);
    while (this.full()) {
      if (!(await this.#wait(this.#putters, options, deadline))) throw new Full('queue is full');
    }
    this.#items.push(item);
    this.#getters.shift()?.wake();
  }

  /**
   * Removes and returns the first item, waiting for one if the queue is empty.
   *
   * @throws Empty when `block` is false or `timeout` runs out and there is still no item.
   */
  async get(options: QueueWaitOptions = {}): Promise<T> {
    const deadline = deadlineOf(options);
    while (this.empty()) {
      if (!(await this.#wait(this.#getters, options, deadline))) throw new Empty('queue is empty');
    }
    return this.#take();
  }

  /** `put` without waiting. Twin of `put_nowait()`. @throws Full */
  putNowait(item: T): void {
    if (this.full()) throw new Full('queue is full');
    this.#items.push(item);
    this.#getters.shift()?.wake();
  }

  /** `get` without waiting. Twin of `get_nowait()`. @throws Empty */
  getNowait(): T {
    if (this.empty()) throw new Empty('queue is empty');
    return this.#take();
  }

  #take(): T {
    const item = this.#items.shift() as T;
    this.#putters.shift()?.wake();
    return item;
  }

  /**
   * Parks the caller in `waiters` until woken (true) or until `deadline` passes (false). A caller
   * woken for an item (or a free slot) that another task took first waits again, but only for
   * what is left until the same deadline, as CPython's `queue` does.
   */
  #wait(
    waiters: Waiter[],
    { block = true }: QueueWaitOptions,
    deadline: number | undefined,
  ): Promise<boolean> {
    if (!block) return Promise.resolve(false);
    const remaining = deadline === undefined ? undefined : deadline - performance.now();
    if (remaining !== undefined && remaining <= 0) return Promise.resolve(false);
    const op = waiters === this.#getters ? 'get' : 'put';
    return observeQueueWait(
      'queue.Queue',
      op,
      () =>
        new Promise<boolean>((settle) => {
          let timer: NodeJS.Timeout | undefined;
          const waiter: Waiter = {
            wake: () => {
              clearTimeout(timer);
              settle(true);
            },
          };
          if (remaining !== undefined) {
            timer = setTimeout(() => {
              waiters.splice(waiters.indexOf(waiter), 1);
              settle(false);
            }, remaining);
          }
          waiters.push(waiter);
        }),
    );
  }
}

/** When a wait with `timeout` must give up, on the monotonic clock in ms; undefined: never. */
function deadlineOf({ block = true, timeout }: QueueWaitOptions): number | undefined {
  if (!block || timeout === undefined) return undefined;
  return performance.now() + scaledMilliseconds(timeout);
}
