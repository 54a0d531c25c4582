import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { threadId, workerData } from 'node:worker_threads';
import { lanes, observingTasks, runObserved } from '../../diagnostics.js';

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

/** What the pool gives every worker when it starts it (shared memory, seen by both sides). */
export interface PoolWorkerData {
  /** [0]: how many workers are up; [1]: the byte length of `firstModule`, 0 until it is known. */
  readonly started: Int32Array;
  /** The URL of the first submitted task's module, UTF-8, once the pool knows it. */
  readonly firstModule: Uint8Array;
}

type TaskFunction = (...args: readonly unknown[]) => unknown;

// Runs once, as the worker starts (piscina loads the pool's worker module before any task). The
// pool's first submit may be waiting for every worker to be up, as Python's fork returns a running
// child that has the function in memory: the worker loads the first task's module if the pool has
// named it by now, then counts itself and wakes the pool. The load must be synchronous (require of
// an ES module): the worker's event loop does not turn until its first task arrives, and that task
// waits for this count. If it fails, the first task imports the module again and reports the error.
const { started, firstModule } = workerData as PoolWorkerData;
lanes.own = `PoolWorker-${threadId}`;
const firstModuleLength = Atomics.load(started, 1);
if (firstModuleLength > 0) {
  try {
    const url = new TextDecoder().decode(firstModule.slice(0, firstModuleLength));
    createRequire(import.meta.url)(fileURLToPath(url));
  } catch {
    // reported by the first task
  }
}
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

/** Calls the task's function, reporting its start and end on core's task channel while observed. */
function call(fn: TaskFunction, args: readonly unknown[]): unknown {
  return observingTasks() ? runObserved('ProcessPoolExecutor', fn, args) : fn(...args);
}

export default function runPoolTask({ module, exportName, args }: PoolTask): unknown {
  const fn = loaded.get(`${module}#${exportName}`);
  // Not async: once the function is loaded, a task returns its value without another promise.
  if (fn !== undefined) return call(fn, args);
  return load(module, exportName).then((found) => call(found, args));
}
