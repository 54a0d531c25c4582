// How busy other processes keep this machine (Linux /proc), so a benchmark can say, and skip, the
// runs they disturbed. Shared by every script of tools/bench.
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** Busy and total clock ticks of all cores, and the ticks of this process's waited-for children. */
export function ticks() {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const [user, nice, system, idle, iowait, irq, softirq, steal] = fields.map(Number);
  const total = user + nice + system + idle + iowait + irq + softirq + steal;
  // Fields 16 and 17 of /proc/self/stat (after the command name) are cutime and cstime.
  const self = readFileSync('/proc/self/stat', 'utf8');
  const after = self.slice(self.lastIndexOf(')') + 2).split(' ');
  const children = Number(after[13]) + Number(after[14]);
  return { busy: total - idle - iowait, total, children };
}

/** The share of all cores, in percent, that other processes used between two `ticks()`. */
export function othersPercent(before, after) {
  const others = after.busy - before.busy - (after.children - before.children);
  return (100 * Math.max(0, others)) / Math.max(1, after.total - before.total);
}

/** Waits (at most 10 minutes) for a second in which other processes use at most `limit` percent. */
export async function quietSecond(limit) {
  const deadline = Date.now() + 600_000;
  while (Date.now() < deadline) {
    const before = ticks();
    await sleep(1000);
    if (othersPercent(before, ticks()) <= limit) return;
  }
}
