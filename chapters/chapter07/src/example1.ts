// Mirrors Chapter07/example1.py: the sum of 0..19 as a reduction in rounds. Each round starts one
// ReductionConsumer process per CPU; consumers take two numbers at a time from the round's
// joinable queue and put their sum (or a lone leftover) on the next round's queue, until one
// number is left: Final result: 190.
//
// The book's consumer has two races, and `--racy` keeps both, to show them for real:
// - It takes its two numbers with two separate get() calls, so when the numbers run out several
//   consumers can each hold one; each then meets a sentinel and passes its number on alone. A
//   round yields more numbers than the ceil(size / 2) the main program counts on, and the
//   program returns the first of several numbers left (the book's runs printed 114, not 190).
// - It marks its last number done before it puts the result on the next round's queue. Once the
//   last done mark is in, the main program starts the next round and queues its sentinels, and a
//   result put after them is never taken: that round never ends. Rare in Python, whose put only
//   hands the item to a feeder thread; common here, where the put waits for the reply to the done
//   mark, one IPC round trip, while the main program is already queueing sentinels. Node ends the
//   stuck program with runMain's "Stalled" report (status 13); Python would wait for ever.
// Without `--racy`, a consumer takes its pair while holding a multiprocessing Lock (the two
// numbers are then consecutive queue items) and puts its result before marking the item done:
// every round yields ceil(size / 2) numbers and ends, and the result is always 190.
import { isMain, print, runMain, UsageError } from '@mc/core';
import { cpuCount, JoinableQueue, Lock, Process } from '@mc/core/multiprocessing';

export class ReductionConsumer extends Process {
  taskQueue: JoinableQueue<number | null>;
  resultQueue: JoinableQueue<number | null>;
  /** Held while taking a pair; null: the book's consumer, racing (see the top of the file). */
  pairLock: Lock | null;

  constructor(
    taskQueue: JoinableQueue<number | null>,
    resultQueue: JoinableQueue<number | null>,
    pairLock: Lock | null,
  ) {
    // This module exports the class: a child imports it to rebuild the consumer (also under a
    // test runner, where the program's main script is not this file).
    super({ module: import.meta.url });
    this.taskQueue = taskQueue;
    this.resultQueue = resultQueue;
    this.pairLock = pairLock;
  }

  override async run(): Promise<void> {
    const pname = this.name;
    print(`Using process ${pname}...`);

    for (;;) {
      const [num1, num2] = await this.takePair();
      if (num1 === null) {
        print(`Exiting process ${pname}.`);
        await this.taskQueue.taskDone();
        break;
      }

      if (num2 === null) {
        print(`Reaching the end with process ${pname} and number ${num1}.`);
        await this.passOn(num1);
        break;
      }

      print(`Running process ${pname} on numbers ${num1} and ${num2}.`);
      await this.passOn(num1 + num2);
    }
  }

  /**
   * Marks the item last taken done and puts `value` on the next round's queue: the book's order
   * when racing, the other way round when not, so that the round's end implies its results.
   */
  async passOn(value: number): Promise<void> {
    if (this.pairLock === null) {
      await this.taskQueue.taskDone();
      await this.resultQueue.put(value);
    } else {
      await this.resultQueue.put(value);
      await this.taskQueue.taskDone();
    }
  }

  /** The book's two gets (the first marked done in between), under the lock unless racing. */
  async takePair(): Promise<[number | null, number | null]> {
    await using _pair = this.pairLock ? await this.pairLock.hold() : undefined;
    const num1 = await this.taskQueue.get();
    if (num1 === null) return [null, null];
    await this.taskQueue.taskDone();
    return [num1, await this.taskQueue.get()];
  }
}

/**
 * Sums `array` in rounds of consumer processes, one per CPU (`PYTHON_CPU_COUNT` overrides).
 * `pairLock` null runs the book's consumers, races included.
 *
 * @throws RangeError for an empty array (the book's program would wait for ever).
 */
export async function reduceSum(array: readonly number[], pairLock: Lock | null): Promise<number> {
  if (array.length === 0) throw new RangeError('reduce_sum() of an empty list');
  let tasks = new JoinableQueue<number | null>();
  let results = new JoinableQueue<number | null>();
  let resultSize = array.length;

  const nConsumers = cpuCount();

  for (const item of array) {
    await results.put(item);
  }

  while (resultSize > 1) {
    tasks = results;
    results = new JoinableQueue<number | null>();

    const consumers = Array.from(
      { length: nConsumers },
      () => new ReductionConsumer(tasks, results, pairLock),
    );
    for (const consumer of consumers) {
      consumer.start();
    }

    for (let i = 0; i < nConsumers; i++) {
      await tasks.put(null);
    }

    await tasks.join();
    resultSize = Math.floor(resultSize / 2) + (resultSize % 2);
    // print('-'.repeat(40));
  }

  return (await results.get()) as number;
}

/** `--racy`: the book's consumers, with their races. */
export function parseRacy(args: readonly string[]): boolean {
  if (args.length === 0) return false;
  if (args.length === 1 && args[0] === '--racy') return true;
  throw new UsageError(`usage: example1 [--racy], got ${args.join(' ')}`);
}

export async function main(args: readonly string[] = process.argv.slice(2)): Promise<void> {
  const pairLock = parseRacy(args) ? null : new Lock();

  const myArray = Array.from({ length: 20 }, (_, i) => i);

  const result = await reduceSum(myArray, pairLock);
  print(`Final result: ${result}.`);
}

if (isMain(import.meta.url)) runMain(main);
