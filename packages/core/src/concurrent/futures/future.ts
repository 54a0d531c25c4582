/**
 * The eventual result of a task submitted to an executor, twin of `concurrent.futures.Future`.
 * `result()` waits for the task and returns its value or throws its error.
 *
 * @example const future = executor.submit(isPrime, 7); console.log(await future.result())
 */
export class Future<T> {
  readonly #settled: Promise<T>;
  #done = false;
  // Called once, when the task ends. Plain callbacks, not one promise chain per listener: a pool
  // settles a thousand futures in a row on the main thread, which shares the cores with the workers.
  #callbacks: (() => void)[] = [];

  constructor(work: Promise<T>) {
    this.#settled = work;
    // Finished on either outcome; the rejection itself is observed by result().
    const finish = () => {
      this.#done = true;
      const callbacks = this.#callbacks;
      this.#callbacks = [];
      for (const callback of callbacks) this.#call(callback);
    };
    work.then(finish, finish);
  }

  /** True once the task has finished, with a value or an error. */
  done(): boolean {
    return this.#done;
  }

  /** Waits for the task; resolves to its value, or rejects with what it threw. */
  result(): Promise<T> {
    return this.#settled;
  }

  /** Waits for the task; resolves to what it threw, or undefined when it succeeded. */
  exception(): Promise<unknown> {
    return this.#settled.then(
      () => undefined,
      (error: unknown) => error,
    );
  }

  /**
   * Calls `callback(future)` when the task finishes, at once if it already has. Twin of
   * `Future.add_done_callback`; as in Python, a callback that throws is reported and ignored.
   *
   * @example future.addDoneCallback((f) => console.log('done', f.done()))
   */
  addDoneCallback(callback: (future: Future<T>) => void): void {
    const call = () => callback(this);
    if (this.#done) this.#call(call);
    else this.#callbacks.push(call);
  }

  #call(callback: () => void): void {
    try {
      callback();
    } catch (error) {
      console.error('exception calling callback for future:', error);
    }
  }
}

/**
 * Yields the given futures as they finish, first finished first (each once). Twin of
 * `concurrent.futures.as_completed`.
 *
 * @example for await (const future of asCompleted(futures)) console.log(await future.result())
 */
export async function* asCompleted<T>(futures: Iterable<Future<T>>): AsyncGenerator<Future<T>> {
  const unique = new Set(futures);
  const finished: Future<T>[] = [];
  let wakeConsumer: (() => void) | undefined;
  for (const future of unique) {
    future.addDoneCallback(() => {
      finished.push(future);
      wakeConsumer?.();
    });
  }
  for (let yielded = 0; yielded < unique.size; yielded++) {
    if (yielded === finished.length) {
      await new Promise<void>((wake) => {
        wakeConsumer = wake;
      });
    }
    yield finished[yielded] as Future<T>;
  }
}
