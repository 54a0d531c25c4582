import { constants } from 'node:os';

/**
 * Ctrl-C, the Node way. Python raises `KeyboardInterrupt` wherever the main thread happens to be;
 * Node has no exception that appears out of nowhere, and by default dies of the signal without
 * running any cleanup. So a program awaits `interrupted()` beside its work instead, and stops
 * cleanly when it resolves.
 */

/** The signals that stop a program: Ctrl-C, and a kill (a runner's or a service manager's stop). */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

let first: Promise<NodeJS.Signals> | undefined;
let stopSignal: NodeJS.Signals | undefined;

/**
 * @internal The stop signal that has come, once `interrupted()` caught one: `runMain` then ends
 * the program when `main` returns, rather than wait for work the interrupt abandoned (a sleep
 * `interruptible` was racing, which Python's KeyboardInterrupt would have cut short).
 */
export function stopRequested(): NodeJS.Signals | undefined {
  return stopSignal;
}

/**
 * Resolves with the first SIGINT (Ctrl-C) or SIGTERM that arrives after the first call; every call
 * shares that one promise. From the first call on, those signals no longer kill the process by
 * Node's default action, so call it before printing that the program is ready (a listening line),
 * and a stop sent the moment that line appears is caught. Once the first signal has come, a second
 * ends the process at once with the shell's status for it (130 for SIGINT, 143 for SIGTERM), for a
 * cleanup that hangs. Twin of Python's `except KeyboardInterrupt:` around a program's main loop,
 * with `signal.signal(SIGTERM, ...)` treating a kill the same way.
 *
 * @example const stop = interrupted(); console.log('Serving on ...'); await stop; server.close()
 */
export function interrupted(): Promise<NodeJS.Signals> {
  first ??= new Promise((resolve) => {
    const onFirst = (signal: NodeJS.Signals): void => {
      stopSignal = signal;
      for (const name of STOP_SIGNALS) {
        process.off(name, onFirst);
        process.once(name, () => process.exit(128 + constants.signals[name]));
      }
      resolve(signal);
    };
    for (const name of STOP_SIGNALS) process.on(name, onFirst);
  });
  return first;
}

/**
 * What Ctrl-C raises in the main thread, carrying the signal that came (SIGINT, or SIGTERM which
 * these programs take as Ctrl-C). Twin of Python's `KeyboardInterrupt`; thrown by `interruptible`.
 *
 * @example try { await interruptible(sleep(2)) } catch (e) { if (!(e instanceof KeyboardInterrupt)) throw e }
 */
export class KeyboardInterrupt extends Error {
  override readonly name = 'KeyboardInterrupt';

  constructor(readonly signal: NodeJS.Signals) {
    super(signal);
  }
}

/**
 * `work`, unless Ctrl-C (or SIGTERM) comes first: then it rejects with `KeyboardInterrupt`, as the
 * Python statement waiting there would raise it. `work` itself goes on; the caller stops it. Built
 * on `interrupted()`, so it installs the same handlers; a program that prints a prompt before its
 * first `interruptible(...)` call should call `interrupted()` first, for the reason given there.
 *
 * @example await interruptible(scheduler.start()) // KeyboardInterrupt on Ctrl-C
 */
export function interruptible<T>(work: Promise<T>): Promise<T> {
  const interrupt = interrupted().then((signal): never => {
    throw new KeyboardInterrupt(signal);
  });
  return Promise.race([work, interrupt]);
}
