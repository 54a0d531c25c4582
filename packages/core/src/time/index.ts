// Twin of Python's `time` module, for what the book uses of it: `time.sleep`, on the book's time scale.
export { sleep } from './sleep.js';
