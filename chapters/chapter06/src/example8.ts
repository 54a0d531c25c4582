// Mirrors Chapter06/example8.py: example7's consumers and tasks, stopped by "poison pills": after
// the ten tasks the main program queues one null (Python's None) per consumer, and a consumer that
// takes one prints its Exiting line and stops. Every consumer ends, whatever the timing. The main
// program is example7's (runConsumers), with the poison pills.
import { isMain, print, runMain } from '@mc/core';
import { type JoinableQueue, Process, type Queue } from '@mc/core/multiprocessing';
import { runConsumers, Task } from './example7.js';

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
  await runConsumers((tasks, results) => new Consumer(tasks, results), true);
}

if (isMain(import.meta.url)) runMain(main, { options: {} });
