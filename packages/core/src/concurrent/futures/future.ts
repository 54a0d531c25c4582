/**
 * The eventual result of a task submitted to an executor, twin of `concurrent.futures.Future`.
 * `result()` waits for the task and returns its value or throws its error.
 *
 * @example const future = executor.submit(isPrime, 7); console.log(await future.result())
 */
export class Future<T> {
  readonly #settled: Promise<T>;
  #done = false;

  constructor(work: Promise<T>) {
    this.#settled = work;
    // Marked done on either outcome; the rejection itself is observed by result().
    work.then(
      () => {
        this.#done = true;
      },
      () => {
        this.#done = true;
      },
    );
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
}

/**
 * Yields the given futures as they finish, first finished first. Twin of
 * `concurrent.futures.as_completed`.
 *
 * @example for await (const future of asCompleted(futures)) console.log(await future.result())
 */
export async function* asCompleted<T>(futures: Iterable<Future<T>>): AsyncGenerator<Future<T>> {
  const pending = new Set(futures);
  const finished: Future<T>[] = [];
  let wakeConsumer: (() => void) | undefined;
  for (const future of pending) {
    const markFinished = () => {
      finished.push(future);
      wakeConsumer?.();
    };
    future.result().then(markFinished, markFinished);
  }
  while (pending.size > 0) {
    if (finished.length === 0) {
      await new Promise<void>((wake) => {
        wakeConsumer = wake;
      });
    }
    const future = finished.shift() as Future<T>;
    pending.delete(future);
    yield future;
  }
}
