import { observingTasks, runObserved } from '../../diagnostics.js';

/**
 * Runs inside each worker thread of a `ProcessPoolExecutor`: imports the task's module (once per
 * worker; Node caches it) and calls the named export with the task's arguments. This is how
 * Python's process pool finds a function by reference in the child process.
 */
export interface PoolTask {
  readonly module: string;
  readonly exportName: string;
  readonly args: readonly unknown[];
}

type TaskFunction = (...args: readonly unknown[]) => unknown;

/** Functions already looked up, so a task pays for the module import only once per worker. */
const loaded = new Map<string, TaskFunction>();

export default async function runPoolTask({
  module,
  exportName,
  args,
}: PoolTask): Promise<unknown> {
  const key = `${module}#${exportName}`;
  let fn = loaded.get(key);
  if (fn === undefined) {
    const exports = (await import(module)) as Record<string, unknown>;
    const found = exports[exportName];
    if (typeof found !== 'function') {
      throw new TypeError(`${module} has no exported function named ${exportName}`);
    }
    fn = found as TaskFunction;
    loaded.set(key, fn);
  }
  return observingTasks() ? runObserved('ProcessPoolExecutor', fn, args) : fn(...args);
}
