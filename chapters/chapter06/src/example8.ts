// Mirrors Chapter06/example8.py: example7's consumers and tasks, stopped by "poison pills": after
// the ten tasks the main program queues one null (Python's None) per consumer, and a consumer that
// takes one prints its Exiting line and stops. Every consumer ends, whatever the timing. Written
// out again as the book does: only the consumer's loop and the pills differ from example7.
import { isMain, print, runMain } from '@mc/core';
import { cpuCount, JoinableQueue, Process, Queue } from '@mc/core/multiprocessing';
import { isPrime } from '@mc/primes';

export class Consumer extends Process {
  taskQueue: JoinableQueue<Task | null>;
  resultQueue: Queue<string>;

  constructor(taskQueue: JoinableQueue<Task | null>, resultQueue: Queue<string>) {
    super();
    this.taskQueue = taskQueue;
    this.resultQueue = resultQueue;
  }

  override async run(): Promise<void> {
    const pname = this.name;

    for (;;) {
      const tempTask = await this.taskQueue.get();

      if (tempTask === null) {
        print(`Exiting ${pname}...`);
        await this.taskQueue.taskDone();
        break;
      }

      print(`${pname} processing task: ${tempTask}`);

      const answer = tempTask.process();
      await this.taskQueue.taskDone();
      await this.resultQueue.put(answer);
    }
  }
}

// The children import this module and rebuild the tasks they take from the Task it defines.
export class Task {
  x: number;

  constructor(x: number) {
    this.x = x;
  }

  /** The book's check: odd divisors up to the integer square root, inclusive. */
  process(): string {
    return isPrime(this.x) ? `${this.x} is a prime number.` : `${this.x} is not a prime number.`;
  }

  toString(): string {
    return `Checking if ${this.x} is a prime or not.`;
  }
}

export async function main(): Promise<void> {
  const tasks = new JoinableQueue<Task | null>();
  const results = new Queue<string>();

  // spawning consumers with respect to the
  // number cores available in the system
  const nConsumers = cpuCount();
  print(`Spawning ${nConsumers} consumers...`);
  const consumers = Array.from({ length: nConsumers }, () => new Consumer(tasks, results));
  for (const consumer of consumers) {
    consumer.start();
  }

  // enqueueing jobs
  const myInput = [2, 36, 101, 193, 323, 513, 1327, 100000, 9999999, 433785907];
  for (const item of myInput) {
    await tasks.put(new Task(item));
  }

  for (let i = 0; i < nConsumers; i++) {
    await tasks.put(null);
  }

  await tasks.join();

  for (let i = 0; i < myInput.length; i++) {
    const tempResult = await results.get();
    print('Result:', tempResult);
  }

  print('Done.');
}

if (isMain(import.meta.url)) runMain(main, { options: {} });
