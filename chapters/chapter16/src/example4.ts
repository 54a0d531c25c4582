// Mirrors Chapter16/example4.py: approximate (sloppy) counters. Each thread has a local counter
// with its own lock, which adds its 10 increments to the global single-lock counter in one go:
// the threads' 1 ms sleeps now run side by side, and only one increment in ten waits for the
// global lock. The book first times example3's single counter again (printing nothing), then the
// approximate counters for 1 to 10 threads, and plots both in a window. Here nothing opens: the
// times of both are printed after the blocks (an addition), and the runner draws the chart. The
// book's LockedCounter and single-counter loop are written out again here, as in the book.
import { isMain, print, runMain } from '@mc/core';
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

export class ApproximateCounter {
  value = 0;
  readonly lock = new Lock();
  readonly threshold = 10;

  constructor(readonly globalCounter: LockedCounter) {}

  async increment(x: number): Promise<void> {
    using _held = await this.lock.hold();
    const newValue = this.value + x;
    await sleep(0.001); // creating a delay
    this.value = newValue;

    if (this.value >= this.threshold) {
      await this.globalCounter.increment(this.value);
      this.value = 0;
    }
  }

  async getValue(): Promise<number> {
    using _held = await this.lock.hold();
    return this.value;
  }
}

function threadIncrement(counter: ApproximateCounter): Promise<void> {
  return counter.increment(1);
}

/** Times `nWorkers` local counters, each incremented 100 times, on a pool of `nWorkers`. */
export async function timeApproximateCounters(
  nWorkers: number,
): Promise<{ globalCounter: LockedCounter; seconds: number }> {
  const globalCounter = new LockedCounter();

  const start = timer();

  const localCounters = Array.from(
    { length: nWorkers },
    () => new ApproximateCounter(globalCounter),
  );
  {
    await using executor = new ThreadPoolExecutor({ maxWorkers: nWorkers });
    for (let i = 0; i < 100; i++) executor.map(threadIncrement, localCounters);
  }
  return { globalCounter, seconds: timer() - start };
}

/** One line of the plot's data: `Single counter times: 0.11, 0.23, ... seconds.` */
const timesLine = (label: string, times: readonly number[]): string =>
  `${label} times: ${times.map((seconds) => seconds.toFixed(2)).join(', ')} seconds.`;

export async function main(): Promise<{ single: number[]; approximate: number[] }> {
  // Previous single-lock counter
  const single: number[] = [];
  for (let nWorkers = 1; nWorkers <= 10; nWorkers++) {
    const counter = new LockedCounter();

    const start = timer();
    {
      await using executor = new ThreadPoolExecutor({ maxWorkers: nWorkers });
      executor.map(
        (x) => counter.increment(x),
        Array.from({ length: 100 * nWorkers }, () => 1),
      );
    }
    single.push(timer() - start);
  }

  // New approximate counters
  const approximate: number[] = [];
  for (let nWorkers = 1; nWorkers <= 10; nWorkers++) {
    const { globalCounter, seconds } = await timeApproximateCounters(nWorkers);
    approximate.push(seconds);

    print(`Number of threads: ${nWorkers}`);
    print(`Final counter: ${await globalCounter.getValue()}.`);
    print('-'.repeat(40));
  }

  // Plotting: the book's window shows these two curves against 1 to 10 threads.
  print(timesLine('Single counter', single));
  print(timesLine('Approximate counter', approximate));
  return { single, approximate };
}

if (isMain(import.meta.url)) runMain(main, { options: {} });
