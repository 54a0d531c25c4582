// Mirrors Chapter16/example2.py: the same counter with one lock held across the read, the 1 ms
// sleep and the write: the 300 increments of the 3-thread pool take turns, and none is lost.
// The lock is core's Lock (async-mutex): a task waiting for it lets the others run, as a Python
// thread blocked on a lock releases the GIL.
import { isMain, print, runMain } from '@mc/core';
import { ThreadPoolExecutor } from '@mc/core/concurrent/futures';
import { Lock } from '@mc/core/threading';
import { sleep } from '@mc/core/time';

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

export async function main(): Promise<number> {
  const counter = new LockedCounter();
  {
    await using executor = new ThreadPoolExecutor({ maxWorkers: 3 });
    executor.map(
      (x) => counter.increment(x),
      Array.from({ length: 300 }, () => 1),
    );
  }

  const value = await counter.getValue();
  print(`Final counter: ${value}.`);
  print('Finished.');
  return value;
}

if (isMain(import.meta.url)) runMain(main, { options: {} });
