import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** One turn of the event loop. */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Runs a full garbage collection now, twin of Python's `gc.collect()`. V8 collects by tracing
 * what is reachable, when it chooses; this asks it for one through the `gc` function that
 * `--expose-gc` gives, enabled at run time, so no flag is needed at start. Unlike Python's, it is
 * awaited and returns no count: a `WeakRef` keeps its target alive until the current turn of the
 * event loop ends, so it first waits one turn; and a `FinalizationRegistry` is told in a later
 * task, so it waits one turn after too.
 *
 * @example a = null; await collect(); weak.deref() // undefined
 */
export async function collect(): Promise<void> {
  await nextTurn();
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  await nextTurn();
}
