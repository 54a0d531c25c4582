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
 * Raised by `decode()` for bytes that are not valid UTF-8, with Python's message. Twin of Python's
 * `UnicodeDecodeError`.
 *
 * @example decode(Buffer.from([0xff])) // UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte
 */
export class UnicodeDecodeError extends Error {
  override readonly name = 'UnicodeDecodeError';
}
