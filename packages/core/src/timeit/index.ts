// Twin of Python's `timeit` module: `from timeit import default_timer as timer`.
export { timer } from './timer.js';
