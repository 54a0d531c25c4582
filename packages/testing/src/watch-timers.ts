import { AsyncLocalStorage, createHook } from 'node:async_hooks';

/** What `watchTimers` saw. */
export interface TimersWatch<T> {
  readonly value: T;
  /** The timers `body` set that still keep the process alive once it has returned. */
  readonly pending: number;
}

/**
 * Runs `body`, watching the timers set inside it (by it or by anything it starts: a thread, a
 * lock's watch), and counts those still pending that keep the process alive (not unref'd). The
 * count is `body`'s own, unlike one of the whole process's timers
 * (`process.getActiveResourcesInfo()`): vitest's timers, such as its 100 ms throttle of task
 * updates, come and go meanwhile, the more so on a loaded machine. `body` may count them at any
 * point with the `pending` it is given.
 *
 * @example const { pending } = await watchTimers(() => thread.join(100)) // 0: the wait's timer is gone
 */
export async function watchTimers<T>(
  body: (pending: () => Promise<number>) => Promise<T>,
): Promise<TimersWatch<T>> {
  const inside = new AsyncLocalStorage<true>();
  const live = new Map<number, { hasRef(): boolean }>();
  const hook = createHook({
    init(asyncId, type, _triggerId, resource) {
      if (type === 'Timeout' && inside.getStore()) live.set(asyncId, resource as NodeJS.Timeout);
    },
    destroy(asyncId) {
      live.delete(asyncId);
    },
  });
  const pending = async (): Promise<number> => {
    // Node reports a timer cleared or fired in its next check phase: let two of them pass.
    for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setImmediate(resolve));
    return [...live.values()].filter((timer) => timer.hasRef()).length;
  };
  hook.enable();
  try {
    const value = await inside.run(true, () => body(pending));
    return { value, pending: await pending() };
  } finally {
    hook.disable();
  }
}
