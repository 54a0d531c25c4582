// The book's countdown, in a module of its own so that pool workers can load it (examples 2 and 3
// call it on the main thread too). It imports nothing: a worker starts with only this to load.

/**
 * Counts `n` down to 0 one step at a time: pure computation, nothing to wait for. Returns the
 * final `n` (0), so no optimiser could drop the loop as dead code.
 */
export function countdown(n: number): number {
  while (n > 0) {
    n -= 1;
  }
  return n;
}
