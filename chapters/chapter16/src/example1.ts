// Mirrors Chapter16/example1.py: a counter without a lock, incremented 300 times by a pool of 3
// threads, loses most of its updates: each increment reads the value, sleeps 1 ms, then writes the
// value it read plus one, so three increments running at once all write the same number.
// Python's sleep releases the GIL; here the pool's tasks share the event loop and `await sleep`
// lets the others run, the same window between the read and the write. Final counter: about 100.
import { isMain, print, runMain } from '@mc/core';
import { ThreadPoolExecutor } from '@mc/core/concurrent/futures';
import { sleep } from '@mc/core/time';

export class LocklessCounter {
  value = 0;

  async increment(x: number): Promise<void> {
    const newValue = this.value + x;
    await sleep(0.001); // creating a delay
    this.value = newValue;
  }

  getValue(): number {
    return this.value;
  }
}

export async function main(): Promise<number> {
  const counter = new LocklessCounter();
  {
    await using executor = new ThreadPoolExecutor({ maxWorkers: 3 });
    executor.map(
      (x) => counter.increment(x),
      Array.from({ length: 300 }, () => 1),
    );
  }

  print(`Final counter: ${counter.getValue()}.`);
  print('Finished.');
  return counter.getValue();
}

if (isMain(import.meta.url)) runMain(main, { options: {} });
