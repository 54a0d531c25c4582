export { cpuCount } from './cpu.js';
export { Empty, EOFError, Full, RuntimeError, UsageError } from './errors.js';
export { File, type FileMode, open } from './file.js';
export { asCompleted, Future } from './future.js';
export { input } from './input.js';
export { type AcquireOptions, Lock } from './lock.js';
export { isMain, runMain, STALLED_EXIT_CODE } from './main.js';
export { print, pyStr } from './print.js';
export {
  ProcessPoolExecutor,
  type ProcessPoolOptions,
  type WorkerFunction,
  workerFunction,
} from './process-pool-executor.js';
export { Queue, type QueueWaitOptions } from './queue.js';
export { sleep } from './sleep.js';
export { enumerateThreads, startNewThread, Thread, type ThreadOptions } from './thread.js';
export { ThreadPoolExecutor, type ThreadPoolOptions } from './thread-pool-executor.js';
export { scaledMilliseconds, TIME_SCALE_VARIABLE, timeScale } from './time-scale.js';
export { timer } from './timer.js';
export { resolveWorkerModule } from './worker-module.js';
