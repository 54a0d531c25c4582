// Mirrors Chapter03/my_thread.py: a Thread subclass that counts down from 5, sleeping `delay`
// seconds before each step. Here a thread is a task on Node's one event loop: `await sleep`
// hands the loop to the other threads, as time.sleep hands the GIL to other Python threads.
// Run alone it prints nothing, like the book's module; give it a name and a delay
// (`node dist/my_thread.js A 0.5`) to watch one countdown.
import { isMain, parseOptions, print, runMain, UsageError } from '@mc/core';
import { Thread } from '@mc/core/threading';
import { sleep } from '@mc/core/time';

export class MyThread extends Thread {
  constructor(
    name: string,
    readonly delay: number,
  ) {
    super({ name });
  }

  override async run(): Promise<void> {
    print(`Starting thread ${this.name}.`);
    await threadCountDown(this.name, this.delay);
    print(`Finished thread ${this.name}.`);
  }
}

/** Counts down from 5 to 1, sleeping `delay` seconds (scaled) before printing each number. */
export async function threadCountDown(name: string, delay: number): Promise<void> {
  let counter = 5;
  while (counter) {
    await sleep(delay);
    print(`Thread ${name} counting down: ${counter}...`);
    counter -= 1;
  }
}

const USAGE = 'usage: my_thread [NAME [DELAY]]';

/** With a name (and optionally a delay) on the command line, runs one thread; else nothing. */
export async function main(args: readonly string[] = process.argv.slice(2)): Promise<void> {
  // A name may not look like an option (`--bogus` is a mistake, not a thread); `--` allows one.
  const { positionals } = parseOptions(
    { args: [...args], options: {}, allowPositionals: true },
    USAGE,
  );
  if (positionals.length > 2)
    throw new UsageError(`unexpected argument '${positionals[2]}'; ${USAGE}`);
  const [name, delay = '0.5'] = positionals;
  if (name === undefined) return;
  const seconds = Number(delay);
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new UsageError(`the delay must be a non-negative number of seconds, got "${delay}"`);
  }
  const thread = new MyThread(name, seconds);
  await thread.start();
  await thread.join();
}

if (isMain(import.meta.url)) runMain(main);
