import { publishAsyncioTask } from '../diagnostics.js';
import { RuntimeError } from '../errors.js';

let created = 0;

/**
 * A coroutine scheduled on the event loop: twin of `asyncio.Task`. Awaitable (`await task`), with
 * `done()`, `result()` and `exception()` as Python's. Its error, if any, is kept in the task rather
 * than thrown as an unhandled rejection, as Python keeps it until someone asks. Make one with
 * `createTask`.
 *
 * @example const task = createTask(countDown('A', 1)); await task; task.done() // true
 */
export class Task<T> implements PromiseLike<T> {
  readonly #promise: Promise<T>;
  readonly #name: string;
  #state:
    | { kind: 'pending' }
    | { kind: 'fulfilled'; value: T }
    | { kind: 'rejected'; error: unknown } = {
    kind: 'pending',
  };

  constructor(coroutine: PromiseLike<T>, name?: string) {
    created += 1;
    this.#name = name ?? `Task-${created}`;
    this.#promise = Promise.resolve(coroutine);
    publishAsyncioTask('created', this.#name);
    // Observing both outcomes here also marks a failure as handled: it stays in the task.
    this.#promise.then(
      (value) => {
        this.#state = { kind: 'fulfilled', value };
        publishAsyncioTask('done', this.#name);
      },
      (error: unknown) => {
        this.#state = { kind: 'rejected', error };
        publishAsyncioTask('done', this.#name);
      },
    );
  }

  /** The task's name, `Task-N` unless given; twin of `Task.get_name()`. */
  getName(): string {
    return this.#name;
  }

  /** True once the coroutine has returned or thrown; twin of `Task.done()`. */
  done(): boolean {
    return this.#state.kind !== 'pending';
  }

  /**
   * The coroutine's return value, or its error thrown again; twin of `Task.result()`.
   *
   * @throws RuntimeError while the task is not done (Python's `InvalidStateError`).
   */
  result(): T {
    if (this.#state.kind === 'fulfilled') return this.#state.value;
    if (this.#state.kind === 'rejected') throw this.#state.error;
    throw new RuntimeError(`Result is not set: ${this.#name} is still pending`);
  }

  /**
   * What the coroutine threw, or undefined when it returned; twin of `Task.exception()`.
   *
   * @throws RuntimeError while the task is not done.
   */
  exception(): unknown {
    if (this.#state.kind === 'rejected') return this.#state.error;
    if (this.#state.kind === 'fulfilled') return undefined;
    throw new RuntimeError(`Exception is not set: ${this.#name} is still pending`);
  }

  // biome-ignore lint/suspicious/noThenProperty: a Task is awaitable, as Python's is.
  then<R1 = T, R2 = never>(
    onFulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#promise.then(onFulfilled, onRejected);
  }
}

/**
 * Schedules a coroutine as a task and returns it; twin of `asyncio.create_task(coro)` and
 * `loop.create_task(coro)`. A JavaScript async function runs up to its first `await` the moment it
 * is called, before `createTask` even sees it; Python's starts at the loop's next turn.
 *
 * @example const tasks = [createTask(isPrime(9637529763296797n)), createTask(isPrime(157n))]
 */
export function createTask<T>(coroutine: PromiseLike<T>, name?: string): Task<T> {
  return coroutine instanceof Task ? coroutine : new Task(coroutine, name);
}
