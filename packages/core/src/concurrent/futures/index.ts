// Twin of Python's `concurrent.futures` module: the pool executors and their base, their futures,
// `as_completed`.
export { Executor } from './executor.js';
export { asCompleted, Future } from './future.js';
export {
  ProcessPoolExecutor,
  type ProcessPoolOptions,
  type WorkerFunction,
  workerFunction,
} from './process-pool-executor.js';
export { ThreadPoolExecutor, type ThreadPoolOptions } from './thread-pool-executor.js';
