// Twin of Python's `gc` module: `import gc; gc.collect()`.
export { collect } from './collect.js';
