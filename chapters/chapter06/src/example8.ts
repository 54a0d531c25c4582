// Mirrors Chapter06/example8.py: example7's consumers and tasks, stopped by "poison pills": after
// the ten tasks the main program queues one null (Python's None) per consumer, and a consumer that
// takes one prints its Exiting line and stops. Every consumer ends, whatever the timing.
import { isMain, print, runMain } from '@mc/core';
import { cpuCount, JoinableQueue, Process, Queue } from '@mc/core/multiprocessing';
import { myInput, Task } from './example7.js';

// The children import this module and rebuild the tasks they take from the Task it exports.
export { Task };

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

if (isMain(import.meta.url)) runMain(main);
