// The child side of shared queues and locks: each operation is a request to the parent's broker,
// answered over the IPC channel.
import { rebuildError } from '../errors.js';
import { isMessage, type ReplyMessage } from './messages.js';

interface Pending {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
}

const pending = new Map<number, Pending>();
/** Puts and task_done marks not yet received: the child waits for them before it exits. */
const unflushed = new Set<Promise<unknown>>();
let lastId = 0;
const flushedOps = new Set(['put', 'taskDone', 'release']);

/**
 * Sends `message` to the parent. A parent that has just died fails the write (EPIPE) before this
 * child has read its channel's close: no error to print, the 'disconnect' that follows ends the
 * child (see child.ts), as it would have a moment later.
 */
export function tellParent(message: object): void {
  if (process.connected) process.send?.(message, undefined, undefined, () => undefined);
}

/** Asks the parent's broker to run `op` on shared object `target`. */
export function request(target: number, op: string, args: readonly unknown[]): Promise<unknown> {
  if (!process.send) {
    return Promise.reject(new Error('this process has no parent to share objects with'));
  }
  lastId += 1;
  const id = lastId;
  const answer = new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    tellParent({ mc: 'request', id, target, op, args });
  });
  if (flushedOps.has(op)) {
    unflushed.add(answer);
    const done = () => unflushed.delete(answer);
    answer.then(done, done);
  }
  return answer;
}

/** Settles the request a reply answers; false when the message is no reply. */
export function settle(message: unknown): boolean {
  if (!isMessage(message) || message.mc !== 'reply') return false;
  const { id, value, error, errorName } = message as ReplyMessage;
  const waiting = pending.get(id);
  pending.delete(id);
  if (error) waiting?.reject(rebuildError(error, errorName));
  else waiting?.resolve(value);
  return true;
}

/** Waits until the parent has received every put and task_done this process sent. */
export async function flush(): Promise<void> {
  await Promise.allSettled([...unflushed]);
}
