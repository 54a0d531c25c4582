import { scaledMilliseconds } from '../time-scale.js';

/**
 * What `select` can watch: an object that knows whether a read (or a write) on it would return at
 * once, and says when that may have changed. Python's `select` watches file descriptors; Node's
 * sockets never block, so here the object decides what "ready" means (a listening socket with a
 * client to accept, a connection with a line to read) and `select` asks it.
 */
export interface Selectable {
  /** True when a read (an `accept`, a `readline`) would return without waiting. */
  readable(): boolean;
  /** True when a write would not wait; objects that never make a writer wait may leave it out. */
  writable?(): boolean;
  /** Calls `wake` whenever readiness may have changed; returns what stops it. */
  watch(wake: () => void): () => void;
}

/**
 * Waits until some of `rlist` are ready to read or some of `wlist` ready to write, at most
 * `timeout` seconds (scaled; omitted or null: as long as it takes; 0: just look), and resolves with
 * the ready ones of each list, in list order. Twin of Python's `select.select(rlist, wlist, xlist,
 * timeout)`; `xlist` (exceptional conditions) is accepted and always answered empty. No polling:
 * it waits on the objects' own notifications and one timer, on the event loop.
 *
 * @example const [readyToRead] = await select(sessions.keys(), [], [], 0.1)
 */
export async function select<R extends Selectable, W extends Selectable = R>(
  rlist: Iterable<R>,
  wlist: Iterable<W>,
  xlist: Iterable<Selectable>,
  timeout: number | null = null,
): Promise<[R[], W[], never[]]> {
  void xlist;
  const readers = [...rlist];
  const writers = [...wlist];
  const ready = (): [R[], W[], never[]] => [
    readers.filter((item) => item.readable()),
    writers.filter((item) => item.writable?.() ?? true),
    [],
  ];
  const some = ([r, w]: [R[], W[], never[]]) => r.length > 0 || w.length > 0;
  const now = ready();
  if (some(now) || timeout === 0) return now;
  const limit = timeout === null ? undefined : scaledMilliseconds(timeout);
  return new Promise((resolve) => {
    const stops: (() => void)[] = [];
    let timer: NodeJS.Timeout | undefined;
    const finish = (answer: [R[], W[], never[]]) => {
      for (const stop of stops) stop();
      clearTimeout(timer);
      resolve(answer);
    };
    const check = () => {
      const answer = ready();
      if (some(answer)) finish(answer);
    };
    for (const item of new Set<Selectable>([...readers, ...writers])) stops.push(item.watch(check));
    if (limit !== undefined) timer = setTimeout(() => finish(ready()), limit);
  });
}
