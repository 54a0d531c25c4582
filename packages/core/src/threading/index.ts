// Twin of Python's `threading` module: `from threading import Thread, Lock`.
export { type AcquireOptions, Lock } from './lock.js';
export { enumerateThreads, Thread, type ThreadOptions } from './thread.js';
