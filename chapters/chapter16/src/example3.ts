// Mirrors Chapter16/example3.py: the single-lock counter of example2 under 1 to 10 threads, each
// pool doing 100 increments per thread. The lock lets one increment (and its 1 ms sleep) run at a
// time, so the time grows with the number of threads: about 1.1 ms per increment, 0.11 s to 1.1 s.
// Example2's LockedCounter is written out again, as the book does. The book then plots time against threads in a matplotlib window; here nothing opens: the runner
// draws the same chart from the printed times, in the terminal and as an SVG in its report.
import { isMain, print, runMain, signSpace } from '@mc/core';
import { ThreadPoolExecutor } from '@mc/core/concurrent/futures';
import { Lock } from '@mc/core/threading';
import { sleep } from '@mc/core/time';
import { timer } from '@mc/core/timeit';

export class LockedCounter {
  value = 0;
  readonly lock = new Lock();

  async increment(x: number): Promise<void> {
    using _held = await this.lock.hold();
    const newValue = this.value + x;
    await sleep(0.001); // creating a delay
    this.value = newValue;
  }

  async getValue(): Promise<number> {
    using _held = await this.lock.hold();
    return this.value;
  }
}

/** Runs `100 * nWorkers` increments of one locked counter on a pool of `nWorkers`; its seconds. */
export async function timeSingleCounter(
  nWorkers: number,
): Promise<{ counter: LockedCounter; seconds: number }> {
  const counter = new LockedCounter();

  const start = timer();
  {
    await using executor = new ThreadPoolExecutor({ maxWorkers: nWorkers });
    executor.map(
      (x) => counter.increment(x),
      Array.from({ length: 100 * nWorkers }, () => 1),
    );
  }
  return { counter, seconds: timer() - start };
}

export async function main(): Promise<number[]> {
  const times: number[] = [];
  for (let nWorkers = 1; nWorkers <= 10; nWorkers++) {
    const { counter, seconds } = await timeSingleCounter(nWorkers);
    times.push(seconds);

    print(`Number of threads: ${nWorkers}`);
    print(`Final counter: ${await counter.getValue()}.`);
    print(`Time taken: ${signSpace(seconds)} seconds.`);
    print('-'.repeat(40));
  }
  // plt.plot(n_threads, times); plt.show(): the runner draws it (see the chapter's README).
  return times;
}

if (isMain(import.meta.url)) runMain(main, { options: {} });
