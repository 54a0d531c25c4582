// Twin of Python's `asyncio` module, for what the book uses of it. Node's event loop is asyncio's
// twin and mostly the language itself (async functions, await); this entry adds what keeps the
// book's shape: run, tasks, gather and wait with their error rules, sleep on the time scale,
// runInExecutor, a truly blocking sleep for the "don't block the loop" programs, and the servers:
// streams (start_server, StreamReader/StreamWriter, open_connection) and protocols (create_server).
export { blockingSleep } from './blocking-sleep.js';
export { runInExecutor } from './executor.js';
export { gather } from './gather.js';
export { createServer, Protocol, Transport } from './protocol.js';
export { run } from './run.js';
export { type ListeningSocket, Server, type SocketAddress } from './server.js';
export { sleep } from './sleep.js';
export { openConnection, StreamReader, StreamWriter, startServer } from './streams.js';
export { createTask, Task } from './task.js';
export {
  ALL_COMPLETED,
  FIRST_COMPLETED,
  FIRST_EXCEPTION,
  type ReturnWhen,
  type WaitOptions,
  wait,
} from './wait.js';
