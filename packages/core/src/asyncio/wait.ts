import { scaledMilliseconds } from '../time-scale.js';
import { createTask, type Task } from './task.js';

/** `wait` returns when every task is done (the default); twin of `asyncio.ALL_COMPLETED`. */
export const ALL_COMPLETED = 'ALL_COMPLETED';
/** `wait` returns when any task is done; twin of `asyncio.FIRST_COMPLETED`. */
export const FIRST_COMPLETED = 'FIRST_COMPLETED';
/** `wait` returns when any task fails, or all are done; twin of `asyncio.FIRST_EXCEPTION`. */
export const FIRST_EXCEPTION = 'FIRST_EXCEPTION';

/** When `wait` returns. */
export type ReturnWhen = typeof ALL_COMPLETED | typeof FIRST_COMPLETED | typeof FIRST_EXCEPTION;

/** Options of `wait`. */
export interface WaitOptions {
  /** Book seconds (scaled by `BOOK_TIME_SCALE`) after which `wait` returns anyway; none by default. */
  timeout?: number;
  returnWhen?: ReturnWhen;
}

/**
 * Waits for tasks and resolves to the sets of those done and those still pending; twin of
 * `asyncio.wait(aws, timeout=, return_when=)`. The error rule: it never throws a task's error; a
 * failed task is simply done, its error kept in it (`task.exception()`). Awaitables that are not
 * tasks are made tasks first, as Python 3.7 did.
 *
 * @example const { done, pending } = await wait(tasks)
 */
export async function wait<T>(
  awaitables: Iterable<PromiseLike<T>>,
  { timeout, returnWhen = ALL_COMPLETED }: WaitOptions = {},
): Promise<{ done: Set<Task<T>>; pending: Set<Task<T>> }> {
  const tasks = [...awaitables].map((awaitable) => createTask(awaitable));
  const settled = (task: Task<T>) =>
    task.then(
      () => false,
      () => true,
    ); // true: it failed
  const enough: Promise<unknown> =
    returnWhen === FIRST_COMPLETED
      ? Promise.race(tasks.map(settled))
      : returnWhen === FIRST_EXCEPTION
        ? Promise.race([
            Promise.all(tasks.map(settled)),
            ...tasks.map((task) =>
              settled(task).then((failed) => (failed ? true : new Promise(() => {}))),
            ),
          ])
        : Promise.all(tasks.map(settled));
  let timer: NodeJS.Timeout | undefined;
  const limit =
    timeout === undefined
      ? []
      : [new Promise((resolve) => (timer = setTimeout(resolve, scaledMilliseconds(timeout))))];
  try {
    await Promise.race([enough, ...limit]);
  } finally {
    clearTimeout(timer);
  }
  // A task's state is set by its own reaction, which ran before ours: `done()` is current.
  return {
    done: new Set(tasks.filter((task) => task.done())),
    pending: new Set(tasks.filter((task) => !task.done())),
  };
}
