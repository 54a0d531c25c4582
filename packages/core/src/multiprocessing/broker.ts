// The parent side of shared queues and locks: the parent holds each one, and its children operate
// on it by request over their IPC channel (Python shares a pipe and a semaphore instead; a broker
// gives the same behaviour with Node's one channel per child).
import type { ChildProcess } from 'node:child_process';
import { isMessage, type ReplyMessage } from './messages.js';

/** Who asks: this process itself, or one of its children. */
export type Client = ChildProcess | 'self';

/**
 * A queue's or lock's state as the parent holds it. Each operation a child may request is a method
 * whose last parameter is the client asking.
 */
export interface SharedState {
  readonly kind: string;
  /** Forgets what a client that has exited was waiting for (its parked gets, say). */
  forget(client: Client): void;
}

const shared = new Map<number, SharedState>();
let lastId = 0;

/** Holds `state` in this process's broker and returns its number, for references sent to children. */
export function hold(state: SharedState): number {
  lastId += 1;
  shared.set(lastId, state);
  return lastId;
}

/** Answers the requests of a child for as long as it runs. */
export function serve(child: ChildProcess): void {
  child.on('message', (message: unknown) => {
    if (!isMessage(message) || message.mc !== 'request') return;
    const state = shared.get(message.target);
    const operation = state?.[message.op as keyof SharedState];
    const reply = (answer: Omit<ReplyMessage, 'mc' | 'id'>) => {
      if (child.connected) child.send({ mc: 'reply', id: message.id, ...answer });
    };
    if (typeof operation !== 'function' || message.op === 'forget') {
      reply({
        error: new TypeError(`no operation ${message.op} on shared object ${message.target}`),
      });
      return;
    }
    Promise.resolve()
      .then(() =>
        (operation as (...args: unknown[]) => unknown).call(state, ...message.args, child),
      )
      .then(
        (value) => reply({ value }),
        (error: Error) => reply({ error, errorName: error.name }),
      );
  });
  child.once('exit', () => {
    for (const state of shared.values()) state.forget(child);
  });
}
