// Twin of Python's `multiprocessing` module: real OS processes (`child_process.fork`), queues and
// a lock shared between them through the parent, a pool, `cpu_count()`.

export { TimeoutError } from '../errors.js';
export { registerClass } from './codec.js';
export { CPU_COUNT_VARIABLE, cpuCount } from './cpu.js';
export { Lock, type LockAcquireOptions } from './lock.js';
export { AsyncResult, Pool, type PoolOptions } from './pool.js';
export {
  activeChildren,
  currentProcess,
  Process,
  type ProcessOptions,
} from './process.js';
export { type GetOptions, JoinableQueue, Queue } from './queue.js';
