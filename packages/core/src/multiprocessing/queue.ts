import { observeQueueWait } from '../diagnostics.js';
import { Empty, ValueError } from '../errors.js';
import { scaledMilliseconds } from '../time-scale.js';
import { type Client, hold, type SharedState } from './broker.js';
import { flush, request } from './client.js';
import { decode, encode, registerSharedKind, SHARE, type SharedReference } from './codec.js';
import { WaitingLine } from './waiting-line.js';

/** Options of `get`, as Python's `block` and `timeout` arguments. */
export interface GetOptions {
  /** False: raise `Empty` at once when no item is waiting. Default true. */
  block?: boolean;
  /** Seconds (scaled by the book's time scale) to wait at most before raising `Empty`. */
  timeout?: number;
}

/**
 * @internal A queue as the process that created it holds it: encoded items, parked gets (its own
 * or its children's), and for a joinable queue the count of unfinished items. Children reach it
 * through the broker; each method's last parameter is the client asking.
 */
export class QueueState implements SharedState {
  readonly kind: 'Queue' | 'JoinableQueue';
  readonly #items: unknown[] = [];
  readonly #getters = new WaitingLine<[unknown]>();
  #unfinished = 0;
  readonly #joiners: (() => void)[] = [];

  constructor(kind: 'Queue' | 'JoinableQueue') {
    this.kind = kind;
  }

  put(item: unknown): void {
    if (this.kind === 'JoinableQueue') this.#unfinished += 1;
    if (!this.#getters.wakeFirst([item])) this.#items.push(item);
  }

  /** Resolves to `[item]`, or to null when nothing came before the timeout (or at once, not blocking). */
  get(block: boolean, timeoutMs: number | null, client: Client): Promise<[unknown] | null> {
    if (this.#items.length > 0) return Promise.resolve([this.#items.shift()]);
    if (!block) return Promise.resolve(null);
    return this.#getters.wait(client, timeoutMs);
  }

  qsize(): number {
    return this.#items.length;
  }

  taskDone(): void {
    if (this.#unfinished <= 0) throw new ValueError('task_done() called too many times');
    this.#unfinished -= 1;
    if (this.#unfinished === 0) for (const wake of this.#joiners.splice(0)) wake();
  }

  join(): Promise<void> {
    if (this.#unfinished === 0) return Promise.resolve();
    return new Promise((resolve) => this.#joiners.push(resolve));
  }

  forget(client: Client): void {
    this.#getters.forget(client);
  }
}

/**
 * A first-in first-out queue shared by processes, twin of Python's `multiprocessing.Queue`. Items
 * travel as copies: an instance of a user class arrives as a new instance of that class, rebuilt in
 * the receiving process (see `registerClass`). The process that creates the queue holds it; a
 * child it is passed to (as a `Process` argument or field, never inside another item) asks the
 * holder over the IPC channel, so every operation is awaited, `empty()` and `qsize()` included.
 *
 * @example const queue = new Queue<number>(); await queue.put(1); const x = await queue.get()
 */
export class Queue<T> {
  #state: QueueState | undefined;
  /** The holder's number for this queue: set once shared, or in a child, where it is all there is. */
  #id: number | undefined;
  #closed = false;

  constructor() {
    this.#state = new QueueState(new.target === JoinableQueue ? 'JoinableQueue' : 'Queue');
  }

  /** @internal A child's stand-in for the queue its parent holds as number `id`. */
  static remote<Q extends Queue<unknown>>(queue: Q, id: number): Q {
    queue.#state = undefined;
    queue.#id = id;
    return queue;
  }

  static {
    registerSharedKind('Queue', (id) => Queue.remote(new Queue(), id));
  }

  /** @internal Runs `op` on the queue, here or at its holder. */
  protected call(op: string, ...args: unknown[]): Promise<unknown> {
    const state = this.#state as unknown as Record<string, (...args: unknown[]) => unknown>;
    if (this.#state) return Promise.resolve().then(() => state[op]?.(...args, 'self'));
    return request(this.#id as number, op, args);
  }

  /** @internal */
  [SHARE](): SharedReference {
    if (!this.#state) {
      throw new TypeError('a queue can be passed on only by the process that created it');
    }
    this.#id ??= hold(this.#state);
    return { $shared: this.#state.kind, id: this.#id };
  }

  /**
   * Adds a copy of `item` at the end. Twin of `put(obj)` (never full: the queue is unbounded).
   *
   * @throws ValueError after `close()`; TypeError for an item that cannot
   *   travel (a function, a queue).
   */
  async put(item: T): Promise<void> {
    if (this.#closed) throw new ValueError('Queue is closed');
    await this.call('put', encode(item, { allowShared: false }));
  }

  /**
   * Removes and returns the first item, waiting for one unless `block` is false, at most `timeout`
   * seconds if given. Twin of `get(block=True, timeout=None)`.
   *
   * @throws Empty when no item came in time (or at once, with `block: false`).
   */
  async get({ block = true, timeout }: GetOptions = {}): Promise<T> {
    const timeoutMs = timeout === undefined ? null : scaledMilliseconds(timeout);
    const answer = (await observeQueueWait('multiprocessing.Queue', 'get', () =>
      this.call('get', block, timeoutMs),
    )) as [unknown] | null;
    if (!answer) throw new Empty('queue is empty');
    return decode(answer[0]) as T;
  }

  /** `get` without waiting. Twin of `get_nowait()`. @throws Empty */
  getNowait(): Promise<T> {
    return this.get({ block: false });
  }

  /** How many items are waiting (a snapshot: others may take or add meanwhile). Twin of `qsize()`. */
  async qsize(): Promise<number> {
    return (await this.call('qsize')) as number;
  }

  /**
   * True when no item is waiting. Twin of `empty()`. Only a snapshot: "empty() is false, then
   * get()" is no atomic take, another process may take the item in between.
   */
  async empty(): Promise<boolean> {
    return (await this.qsize()) === 0;
  }

  /** This process will put nothing more. Twin of `close()`. */
  close(): void {
    this.#closed = true;
  }

  /** Waits until every item this process put has reached the holder. Twin of `join_thread()`. */
  async joinThread(): Promise<void> {
    await flush();
  }
}

/**
 * A `Queue` that counts unfinished items, twin of Python's `multiprocessing.JoinableQueue`: each
 * `put` adds one, each `taskDone()` removes one, and `join()` waits until none is left.
 *
 * @example await tasks.join() // every item put has been marked done
 */
export class JoinableQueue<T> extends Queue<T> {
  static {
    registerSharedKind('JoinableQueue', (id) => Queue.remote(new JoinableQueue(), id));
  }

  /**
   * Marks one item taken from the queue as finished. Twin of `task_done()`.
   *
   * @throws ValueError when called more times than items were put.
   */
  async taskDone(): Promise<void> {
    await this.call('taskDone');
  }

  /** Waits until every item put has been marked done. Twin of `join()`. */
  async join(): Promise<void> {
    await this.call('join');
  }
}
