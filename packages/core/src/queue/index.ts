// Twin of Python's `queue` module: `from queue import Queue, Empty, Full`.
export { Empty, Full } from '../errors.js';
export { Queue, type QueueWaitOptions } from './queue.js';
