// Twin of Python's low-level `_thread` module: `_thread.start_new_thread`.
export { startNewThread } from '../threading/thread.js';
