// Twin of Python's `multiprocessing` module: `multiprocessing.cpu_count()`.
export { cpuCount } from './cpu.js';
