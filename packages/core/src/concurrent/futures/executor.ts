import { RuntimeError, ValueError } from '../../errors.js';
import { Future } from './future.js';

/**
 * What every pool executor shares, twin of `concurrent.futures.Executor`: a size, futures for
 * submitted tasks, `map`'s results in order, and `shutdown`, also as a context manager
 * (`await using`). Subclasses say how a task starts (`startTask`) and how their workers stop
 * (`stopWorkers`).
 */
export abstract class Executor implements AsyncDisposable {
  readonly maxWorkers: number;
  readonly #unfinished = new Set<Future<unknown>>();
  #shutDown = false;

  protected constructor(maxWorkers: number) {
    if (!Number.isInteger(maxWorkers) || maxWorkers < 1) {
      throw new ValueError(`maxWorkers must be a whole number of at least 1, got ${maxWorkers}`);
    }
    this.maxWorkers = maxWorkers;
  }

  /**
   * Starts a submitted task and returns its future, which `shutdown` waits for.
   *
   * @throws RuntimeError after shutdown, as Python's `submit` does.
   */
  protected startTask<R>(start: () => Promise<R>): Future<R> {
    if (this.#shutDown) throw new RuntimeError('cannot schedule new futures after shutdown');
    const future = new Future(start());
    this.#unfinished.add(future);
    future.addDoneCallback(() => this.#unfinished.delete(future));
    return future;
  }

  /** Yields the futures' results in the futures' order, as `Executor.map` does. */
  protected async *resultsInOrder<R>(futures: readonly Future<R>[]): AsyncGenerator<R> {
    for (const future of futures) yield await future.result();
  }

  /** Stops what runs the tasks, once no task may start any more. */
  protected abstract stopWorkers(): Promise<void>;

  /**
   * Refuses new tasks; with `wait` (default true) lets every submitted task end first; then stops
   * the workers. Twin of `Executor.shutdown(wait=True)`.
   */
  async shutdown({ wait = true }: { wait?: boolean } = {}): Promise<void> {
    this.#shutDown = true;
    if (wait) await Promise.all([...this.#unfinished].map((future) => future.exception()));
    await this.stopWorkers();
  }

  /** `await using`: shuts down and waits, as Python's `with` block does on exit. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.shutdown();
  }
}
