// @mc/core: what a program needs that is no Python module of its own: Python's builtins (print,
// input, open, the built-in errors), Ctrl-C (KeyboardInterrupt), the main guard, command-line
// options (argparse's twin) and the book's time scale. Each Python module the book imports has its
// own entry beside this one: '@mc/core/threading', '@mc/core/_thread', '@mc/core/queue',
// '@mc/core/time', '@mc/core/timeit', '@mc/core/multiprocessing', '@mc/core/concurrent/futures',
// '@mc/core/asyncio', '@mc/core/select', '@mc/core/resource'.
export type { ProgramOptions } from './check-arguments.js';
export { enableCompileCacheForChildren } from './compile-cache.js';
export { decode } from './decode.js';
export {
  observeTasks,
  observeThreads,
  type SpanKind,
  TASK_CHANNEL,
  type TaskEvent,
  THREAD_CHANNEL,
  type ThreadEvent,
} from './diagnostics.js';
export { EOFError, RuntimeError, UnicodeDecodeError, UsageError, ValueError } from './errors.js';
export { File, type FileMode, open } from './file.js';
export { input } from './input.js';
export { interrupted, interruptible, KeyboardInterrupt } from './interrupt.js';
export { isMain, type RunMainOptions, runMain, STALLED_EXIT_CODE } from './main.js';
export { type NumberRule, numberOption, parseOptions, portOption, wholeNumber } from './options.js';
export { print, pyStr, signSpace } from './print.js';
export { type PyReprValue, pyAscii, pyRepr } from './repr.js';
export { scaledMilliseconds, TIME_SCALE_VARIABLE, timeScale } from './time-scale.js';
export { resolveWorkerModule } from './worker-module.js';
