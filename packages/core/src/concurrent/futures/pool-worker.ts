import { workerData } from 'node:worker_threads';

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

/** What the pool gives every worker when it starts it. */
export interface PoolWorkerData {
  /** Counts the workers that are up; this worker adds itself and wakes the pool. */
  readonly started: Int32Array;
}

type TaskFunction = (...args: readonly unknown[]) => unknown;

// Loaded once, as the worker starts (piscina imports the pool's worker module before its first
// task): the pool may be waiting for every worker to be up, as Python's fork returns a running child.
const { started } = workerData as PoolWorkerData;
Atomics.add(started, 0, 1);
Atomics.notify(started, 0);

/** Functions already looked up, so a task pays for the module import only once per worker. */
const loaded = new Map<string, TaskFunction>();

async function load(module: string, exportName: string): Promise<TaskFunction> {
  const exports = (await import(module)) as Record<string, unknown>;
  const found = exports[exportName];
  if (typeof found !== 'function') {
    throw new TypeError(`${module} has no exported function named ${exportName}`);
  }
  loaded.set(`${module}#${exportName}`, found as TaskFunction);
  return found as TaskFunction;
}

export default function runPoolTask({ module, exportName, args }: PoolTask): unknown {
  const fn = loaded.get(`${module}#${exportName}`);
  // Not async: once the function is loaded, a task returns its value without another promise.
  if (fn !== undefined) return fn(...args);
  return load(module, exportName).then((found) => found(...args));
}
