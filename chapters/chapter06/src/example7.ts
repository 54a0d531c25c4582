// Mirrors Chapter06/example7.py: one Consumer process per CPU takes prime-check tasks from a shared
// joinable queue and puts the answers on a result queue; the main program waits until every task
// is marked done, then prints the answers. Consumers stop when they find the task queue empty.
//
// The book's loop, `while not task_queue.empty(): task = task_queue.get()`, is two steps: a
// consumer can see one task left, lose it to another consumer, then block in get() for ever, and
// the program hangs at exit. Here a consumer makes one atomic try-take instead, getNowait(),
// which raises Empty when no task is left: the same "stop when empty" end, without the hang. (Its
// other latent hang, every consumer starting before the first task is queued, cannot happen in
// Node: a child takes about 0.1 s to start, the ten tasks are queued within a millisecond.)
import { isMain, print, runMain } from '@mc/core';
import { cpuCount, JoinableQueue, Process, Queue } from '@mc/core/multiprocessing';
import { Empty } from '@mc/core/queue';
import { isPrime } from '@mc/primes';

export class Consumer extends Process {
  taskQueue: JoinableQueue<Task>;
  resultQueue: Queue<string>;

  constructor(taskQueue: JoinableQueue<Task>, resultQueue: Queue<string>) {
    super();
    this.taskQueue = taskQueue;
    this.resultQueue = resultQueue;
  }

  override async run(): Promise<void> {
    const pname = this.name;

    for (;;) {
      let tempTask: Task;
      try {
        tempTask = await this.taskQueue.getNowait();
      } catch (error) {
        if (error instanceof Empty) break;
        throw error;
      }

      print(`${pname} processing task: ${tempTask}`);

      const answer = tempTask.process();
      await this.taskQueue.taskDone();
      await this.resultQueue.put(answer);
    }
  }
}

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
  const tasks = new JoinableQueue<Task>();
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

  await tasks.join();

  for (let i = 0; i < myInput.length; i++) {
    const tempResult = await results.get();
    print('Result:', tempResult);
  }

  print('Done.');
}

if (isMain(import.meta.url)) runMain(main, { options: {} });
