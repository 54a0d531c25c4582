import { readFileSync } from 'node:fs';

/** Python's `resource.RLIMIT_NOFILE` (its Linux value): the most descriptors a process may hold. */
export const RLIMIT_NOFILE = 7;
/** Python's `resource.RLIM_INFINITY`: the value of a limit that is `unlimited`. */
export const RLIM_INFINITY = -1;

/** The row of /proc/self/limits that holds each resource. */
const rows: Record<number, string> = { [RLIMIT_NOFILE]: 'Max open files' };

/**
 * The soft and hard limits on `resource` as listed in `limits`, the text of /proc/self/limits;
 * `unlimited` is RLIM_INFINITY. Throws a ValueError-like error for a resource it does not know.
 */
export function parseLimits(limits: string, resource: number): [soft: number, hard: number] {
  const name = rows[resource];
  const line = name === undefined ? undefined : limits.split('\n').find((l) => l.startsWith(name));
  if (line === undefined) throw new Error(`invalid resource specified: ${resource}`);
  const [soft = '', hard = ''] = line
    .slice((name as string).length)
    .trim()
    .split(/\s+/);
  const value = (text: string) => (text === 'unlimited' ? RLIM_INFINITY : Number(text));
  return [value(soft), value(hard)];
}

/**
 * `resource.getrlimit(resource)`: this process's `[soft, hard]` limits on `resource` (the soft one
 * is `ulimit -n` for RLIMIT_NOFILE). Linux only: throws where /proc/self/limits cannot be read.
 * Node cannot lower a limit of its own process (no `setrlimit`): run a child under `ulimit`.
 */
export function getrlimit(resource: number): [soft: number, hard: number] {
  return parseLimits(readFileSync('/proc/self/limits', 'utf8'), resource);
}
