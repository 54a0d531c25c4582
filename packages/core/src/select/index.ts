// Twin of Python's `select` module: `select.select`, readiness of a set of objects with a
// timeout, on the event loop.
export { type Selectable, select } from './select.js';
