import type { ServerResponse } from 'node:http';

/**
 * The timers of the answers still waiting (latency plus `sleep`). Each is forgotten when it fires
 * or when its client goes away, and `cancelAll` clears every one, so a stopped server leaves no
 * timer behind to keep the process alive.
 */
export class PendingDelays {
  readonly #timers = new Set<NodeJS.Timeout>();

  /** How many answers are waiting now. */
  get size(): number {
    return this.#timers.size;
  }

  /** Runs `answer` after `ms` milliseconds, unless the response closes first or all are cancelled. */
  after(ms: number, response: ServerResponse, answer: () => void): void {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      response.off('close', forget);
      answer();
    }, ms);
    const forget = (): void => {
      clearTimeout(timer);
      this.#timers.delete(timer);
    };
    this.#timers.add(timer);
    response.once('close', forget);
  }

  /** Clears every waiting timer; their answers are never sent. */
  cancelAll(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }
}
