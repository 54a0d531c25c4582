/**
 * Named errors of the core, each the twin of the Python exception a book program would see.
 */

/**
 * Raised by a non-blocking (or timed-out) `Queue.get` when no item is available. Twin of
 * Python's `queue.Empty`.
 *
 * @example try { await queue.get({ block: false }) } catch (e) { if (e instanceof Empty) return }
 */
export class Empty extends Error {
  override readonly name = 'Empty';
}

/**
 * Raised by a non-blocking (or timed-out) `Queue.put` on a full bounded queue. Twin of Python's
 * `queue.Full`.
 *
 * @example try { queue.putNowait(item) } catch (e) { if (e instanceof Full) dropped += 1 }
 */
export class Full extends Error {
  override readonly name = 'Full';
}

/**
 * Raised when a primitive is used in a state that does not allow it: releasing an unlocked lock,
 * starting a thread twice, joining a thread never started, submitting to a pool after shutdown.
 * Twin of the `RuntimeError` Python raises in the same places.
 *
 * @example lock.release() // on an unlocked lock: RuntimeError: release unlocked lock
 */
export class RuntimeError extends Error {
  override readonly name = 'RuntimeError';
}

/**
 * Raised where an argument has the right type but a value Python refuses: a negative sleep, a
 * lock released more times than taken, a closed queue, a pool of no workers, `acquire` given a
 * timeout with `blocking` false. Twin of Python's `ValueError` (JavaScript's nearest,
 * `RangeError`, is not what a reader of the book expects to see).
 *
 * @example await lock.acquire({ blocking: false, timeout: 1 }) // ValueError
 */
export class ValueError extends Error {
  override readonly name = 'ValueError';
}

/**
 * Raised when a timed wait for a result runs out: `AsyncResult.get(timeout)`. Twin of Python's
 * `multiprocessing.TimeoutError` (and `concurrent.futures.TimeoutError`).
 *
 * @example await pool.applyAsync(slow, []).get(0.1) // TimeoutError
 */
export class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
}

/**
 * Raised by `input()` when standard input ends before a line arrives. Twin of Python's
 * `EOFError`.
 *
 * @example await input('Type something: ').catch((e) => { if (!(e instanceof EOFError)) throw e })
 */
export class EOFError extends Error {
  override readonly name = 'EOFError';
}

/**
 * A bad command-line argument. `runMain` prints its message as one line (no stack trace) and ends
 * the program with exit status 2, the convention for usage errors.
 *
 * @example throw new UsageError('--workers needs a whole number or "cores", got "x"')
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * @internal Rebuilds a core error that crossed a process boundary (structured clone keeps only the
 * built-in error classes): the class its name says, or the error as it came.
 */
export function rebuildError(error: Error, name: string | undefined): Error {
  const named = { ValueError, RuntimeError, Empty, Full }[name ?? ''];
  if (named === undefined || error instanceof named) return error;
  const rebuilt = new named(error.message);
  rebuilt.stack = error.stack;
  return rebuilt;
}

/**
 * Raised by `decode()` for bytes that are not valid UTF-8, with Python's message. Twin of Python's
 * `UnicodeDecodeError`.
 *
 * @example decode(Buffer.from([0xff])) // UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte
 */
export class UnicodeDecodeError extends Error {
  override readonly name = 'UnicodeDecodeError';
}
