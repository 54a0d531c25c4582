// Twin of Python's `threading` module: `from threading import Thread, Lock`.
export { type AcquireOptions, Lock, type LockOptions } from './lock.js';
export { currentThread, enumerateThreads, Thread, type ThreadOptions } from './thread.js';
