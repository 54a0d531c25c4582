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
  /**
   * Calls `wake` whenever readiness may have changed. `select` calls it once per object, the first
   * time it sees the object, and keeps watching for as long as the object lives (as a file
   * descriptor stays open between two `select` calls): `wake` holds nothing of the object, so an
   * object that is dropped is collected with its watch. Returns what stops it (`select` never does).
   */
  watch(wake: () => void): () => void;
}

type Answer<R, W> = [R[], W[], never[]];

/** A `select` call waiting for readiness. */
interface Waiting {
  readonly readers: readonly Selectable[];
  readonly writers: readonly Selectable[];
  readonly resolve: (answer: Answer<Selectable, Selectable>) => void;
  timer: NodeJS.Timeout | undefined;
}

/** The objects `select` has watched: each is watched once, for as long as it lives. */
const watched = new WeakSet<Selectable>();
/** The `select` calls now waiting. */
const waiting = new Set<Waiting>();
/** A look at the waiting calls is scheduled. */
let scheduled = false;

function ready<R extends Selectable, W extends Selectable>(
  readers: readonly R[],
  writers: readonly W[],
): Answer<R, W> {
  const r: R[] = [];
  for (const item of readers) if (item.readable()) r.push(item);
  const w: W[] = [];
  for (const item of writers) if (item.writable?.() ?? true) w.push(item);
  return [r, w, []];
}

function finish(call: Waiting, answer: Answer<Selectable, Selectable>): void {
  waiting.delete(call);
  clearTimeout(call.timer);
  call.resolve(answer);
}

/**
 * Every watched object's `wake`: it names no object, so it keeps none alive. Readiness that
 * changes during one turn of the event loop (many sockets read in one poll) is looked at once,
 * after that turn's I/O (`setImmediate`), and answered together, as the kernel's `select` returns
 * every descriptor ready by then.
 */
function wake(): void {
  if (scheduled || waiting.size === 0) return;
  scheduled = true;
  setImmediate(look);
}

function look(): void {
  scheduled = false;
  for (const call of waiting) {
    const answer = ready(call.readers, call.writers);
    if (answer[0].length > 0 || answer[1].length > 0) finish(call, answer);
  }
}

function watch(item: Selectable): void {
  if (watched.has(item)) return;
  watched.add(item);
  item.watch(wake);
}

/**
 * Waits until some of `rlist` are ready to read or some of `wlist` ready to write, at most
 * `timeout` seconds (scaled; omitted or null: as long as it takes; 0: just look), and resolves with
 * the ready ones of each list, in list order. Twin of Python's `select.select(rlist, wlist, xlist,
 * timeout)`; `xlist` (exceptional conditions) is accepted and always answered empty. No polling:
 * it waits on the objects' own notifications and one timer, on the event loop. Each object is
 * watched from the first call that names it on (see `Selectable.watch`), so a call costs a look
 * at each object and no subscription.
 *
 * @example const [readyToRead] = await select(sessions.keys(), [], [], 0.1)
 */
export function select<R extends Selectable, W extends Selectable = R>(
  rlist: Iterable<R>,
  wlist: Iterable<W>,
  xlist: Iterable<Selectable>,
  timeout: number | null = null,
): Promise<Answer<R, W>> {
  void xlist;
  const readers = [...rlist];
  const writers = [...wlist];
  let limit: number | undefined;
  try {
    limit = timeout === null ? undefined : scaledMilliseconds(timeout);
  } catch (error) {
    return Promise.reject(error);
  }
  const now = ready(readers, writers);
  if (now[0].length > 0 || now[1].length > 0 || timeout === 0) return Promise.resolve(now);
  return new Promise((resolve) => {
    for (const item of readers) watch(item);
    for (const item of writers) watch(item);
    const call: Waiting = {
      readers,
      writers,
      resolve: resolve as Waiting['resolve'],
      timer: undefined,
    };
    waiting.add(call);
    if (limit !== undefined)
      call.timer = setTimeout(() => finish(call, ready(readers, writers)), limit);
  });
}
