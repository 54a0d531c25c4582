import type { Thread } from './thread.js';

/** What the watch needs to know of a lock: its name and the thread that took it. */
export interface WatchedLock {
  readonly name: string;
  readonly holder: Thread | undefined;
}

/** A thread waiting, with no timeout, for a lock. */
export interface LockWait {
  readonly thread: Thread;
  readonly lock: WatchedLock;
}

/** How often the watch looks, in real milliseconds (not scaled: it is no book duration). */
export const DEADLOCK_CHECK_MILLISECONDS = 500;

const waits = new Set<LockWait>();
/** Counts every lock taken or freed: unchanged between two checks, nothing has moved. */
let lockOperations = 0;
let operationsAtLastCheck = -1;
let watchdog: NodeJS.Timeout | undefined;
const reported = new Set<string>();

/** Counts one lock taken or freed: the only cost of the watch while nobody waits. */
export function noteLockOperation(): void {
  lockOperations += 1;
}

/**
 * Records that `thread` waits for `lock` with no timeout. While anyone waits so, a timer keeps the
 * process alive, as Python's blocked thread does (a pending promise alone does not), and looks
 * for a cycle every `DEADLOCK_CHECK_MILLISECONDS`. Call `endWait` once the lock is taken.
 */
export function beginWait(thread: Thread, lock: WatchedLock): LockWait {
  const wait = { thread, lock };
  waits.add(wait);
  if (watchdog === undefined) watchdog = setTimeout(check, DEADLOCK_CHECK_MILLISECONDS);
  else watchdog.ref();
  return wait;
}

export function endWait(wait: LockWait): void {
  waits.delete(wait);
  // Nobody waits: the timer may fire once more, but no longer keeps the process alive.
  if (waits.size === 0) watchdog?.unref();
}

function check(): void {
  watchdog = undefined;
  if (waits.size === 0) return;
  // Only when no lock moved for a whole period: a lock released by another thread than its
  // holder (Python allows it) may break a cycle that a running program would have shown.
  if (lockOperations === operationsAtLastCheck) {
    for (const cycle of findCycles()) {
      const line = describeCycle(cycle);
      if (reported.has(line)) continue;
      reported.add(line);
      process.stderr.write(`Deadlock: ${line}\n`);
    }
  }
  operationsAtLastCheck = lockOperations;
  watchdog = setTimeout(check, DEADLOCK_CHECK_MILLISECONDS);
}

/**
 * Every cycle of the wait-for graph: a thread waits for a lock whose holder waits for a lock ...
 * whose holder is the first thread. Each cycle starts at its thread of lowest `ident`.
 */
export function findCycles(): LockWait[][] {
  const waitOf = new Map<Thread, LockWait>();
  for (const wait of waits) if (!waitOf.has(wait.thread)) waitOf.set(wait.thread, wait);
  const cycles: LockWait[][] = [];
  const seen = new Set<Thread>();
  for (const start of waitOf.keys()) {
    const path: LockWait[] = [];
    const onPath = new Set<Thread>();
    let thread: Thread | undefined = start;
    while (thread !== undefined && !seen.has(thread) && !onPath.has(thread)) {
      const wait = waitOf.get(thread);
      if (wait === undefined) break;
      onPath.add(thread);
      path.push(wait);
      thread = wait.lock.holder;
    }
    if (thread !== undefined && onPath.has(thread)) {
      const cycle = path.slice(path.findIndex((wait) => wait.thread === thread));
      const first = cycle.reduce(
        (low, wait, i) => ((wait.thread.ident ?? 0) < (cycle[low]?.thread.ident ?? 0) ? i : low),
        0,
      );
      cycles.push([...cycle.slice(first), ...cycle.slice(0, first)]);
    }
    for (const visited of onPath) seen.add(visited);
  }
  return cycles;
}

/** `Thread-1 holds lock_a and waits for lock_b; Thread-2 holds lock_b and waits for lock_a`. */
export function describeCycle(cycle: readonly LockWait[]): string {
  return cycle
    .map((wait, i) => {
      const held = cycle[(i + cycle.length - 1) % cycle.length]?.lock.name;
      return `${wait.thread.name} holds ${held} and waits for ${wait.lock.name}`;
    })
    .join('; ');
}
