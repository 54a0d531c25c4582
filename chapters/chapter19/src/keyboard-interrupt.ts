/**
 * Twin of Python's `KeyboardInterrupt`: what Ctrl-C raises in the main thread. Node has no
 * exception that appears wherever the program happens to be, so a program awaits
 * `keyboardInterrupt()` beside its work, and the first SIGINT (Ctrl-C) or SIGTERM (a kill, a
 * runner's stop) rejects it. A second signal ends the process at once, as Node would by default.
 */
export class KeyboardInterrupt extends Error {
  override readonly name = 'KeyboardInterrupt';

  constructor(readonly signal: NodeJS.Signals) {
    super(signal);
  }
}

let interrupted: Promise<never> | undefined;

/**
 * A promise that never resolves and rejects with `KeyboardInterrupt` at the first SIGINT or
 * SIGTERM after its first call (every call shares it). Until then, those signals no longer end
 * the process by themselves.
 *
 * @example await Promise.race([sleep(2), keyboardInterrupt()]) // throws KeyboardInterrupt on Ctrl-C
 */
export function keyboardInterrupt(): Promise<never> {
  interrupted ??= new Promise<never>((_, reject) => {
    const raise = (signal: NodeJS.Signals) => {
      process.removeListener('SIGINT', raise);
      process.removeListener('SIGTERM', raise);
      reject(new KeyboardInterrupt(signal));
    };
    process.on('SIGINT', raise);
    process.on('SIGTERM', raise);
  });
  // Whoever awaits it handles the rejection; an unawaited one must not crash the program.
  interrupted.catch(() => undefined);
  return interrupted;
}

/** `work`, unless Ctrl-C comes first: then it throws `KeyboardInterrupt`, as Python would there. */
export function interruptible<T>(work: Promise<T>): Promise<T> {
  return Promise.race([work, keyboardInterrupt()]);
}
