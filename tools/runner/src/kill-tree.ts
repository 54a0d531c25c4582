import { readFileSync } from 'node:fs';
import pidtree from 'pidtree';

/** Every descendant pid of `pid` (not `pid` itself); empty when it has none or is gone. */
export async function descendants(pid: number): Promise<number[]> {
  try {
    return await pidtree(pid);
  } catch {
    return [];
  }
}

/** Sends `signal` to `pid`, ignoring a process that no longer exists. */
export function signalPid(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(pid, signal);
    return true;
  } catch {
    return false;
  }
}

/**
 * True while a process with this pid exists and is not a zombie (a dead process its parent has not
 * reaped yet, which `kill(pid, 0)` still finds; on Linux the state is read from /proc).
 */
export function isAlive(pid: number): boolean {
  if (!signalPid(pid, 0)) return false;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

/** Resolves true if `done` settles within `ms`, false otherwise. */
export async function settlesWithin(done: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([done.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Sends SIGINT to everything below `rootPid`, as Ctrl-C in a terminal does to the foreground
 * process group; the root (the bash wrapper) stays to report CPU time.
 */
export async function interruptTree(rootPid: number): Promise<void> {
  for (const pid of await descendants(rootPid)) signalPid(pid, 'SIGINT');
}

/**
 * Stops everything below `rootPid` so that the root (the bash wrapper) survives to report CPU time:
 * SIGTERM to every descendant, then after `graceMs` SIGKILL to whatever of them (or anything they
 * started meanwhile) is still there, then SIGKILL to the root itself if it still lingers.
 * `exited` must settle when the root exits.
 */
export async function stopTree(
  rootPid: number,
  exited: Promise<unknown>,
  graceMs = 1000,
): Promise<void> {
  const first = await descendants(rootPid);
  for (const pid of first) signalPid(pid, 'SIGTERM');
  if (await settlesWithin(exited, graceMs)) return;
  const second = new Set([...first, ...(await descendants(rootPid))]);
  for (const pid of second) signalPid(pid, 'SIGKILL');
  if (await settlesWithin(exited, graceMs)) return;
  signalPid(rootPid, 'SIGKILL');
  await settlesWithin(exited, graceMs);
}

/**
 * Kills every process left in the process group `pgid` (orphans that outlived their parent but
 * stayed in the example's group). Call after the group leader has exited.
 */
export function killGroup(pgid: number): void {
  signalPid(-pgid, 'SIGKILL');
}
