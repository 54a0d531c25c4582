import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startExample, startProgram } from '@mc/testing';

export const packageDir = fileURLToPath(new URL('..', import.meta.url));

/** The pids of the live child processes of `pid` (Linux and macOS `ps`). */
export function childrenOf(pid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map(Number);
  } catch {
    return []; // ps exits 1 when it finds none
  }
}

/** How a program ran, seen from outside: its children, all and at once. */
export interface ChildrenWatch {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Every child pid seen. */
  readonly children: ReadonlySet<number>;
  /** The most children seen alive at the same moment. */
  readonly mostAtOnce: number;
}

/**
 * Runs `node <script> [args]` in this package and looks at its child processes every 50 ms
 * until it exits (killed after 60 s): which processes it started and how many lived at once.
 */
export async function watchChildren(
  script: string,
  args: readonly string[] = [],
): Promise<ChildrenWatch> {
  const run = startProgram(packageDir, script, { args, limitSeconds: 60 });
  const children = new Set<number>();
  let mostAtOnce = 0;
  const look = setInterval(() => {
    if (run.exit !== undefined) return;
    const now = childrenOf(run.pid);
    for (const pid of now) children.add(pid);
    mostAtOnce = Math.max(mostAtOnce, now.length);
  }, 50);
  try {
    const { code } = await run.ended;
    return { code, stdout: run.stdout, stderr: run.stderr, children, mostAtOnce };
  } finally {
    clearInterval(look);
  }
}

/** unittest's report: the result characters line, `Ran N tests`, and the verdict. */
export function parseReport(report: string): { marks: string; ran: number; verdict: string } {
  const lines = report.trimEnd().split('\n');
  const ran = /^Ran (\d+) tests? in \d+\.\d{3}s$/.exec(lines.at(-3) ?? '');
  return {
    marks: lines[0] ?? '',
    ran: Number(ran?.[1] ?? Number.NaN),
    verdict: lines.at(-1) ?? '',
  };
}

/** A program stopped from outside: what it printed and how it ended. */
export interface StoppedRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly pid: number;
  readonly lines: string[];
  readonly stderr: string;
  /** How many stdout lines had come when the signal was sent. */
  readonly linesAtSignal: number;
}

/**
 * Runs `node dist/<name>.js` at `timeScale` until its stdout lines satisfy `ready`, then sends
 * `signal` (a reader's Ctrl-C by default) to it alone, and waits for it to exit. Killed after
 * 60 s, so a program that ignores the signal fails the test instead of hanging it; fails at once
 * when the program ends before it is ready.
 */
export async function runUntil(
  name: string,
  timeScale: number,
  ready: (lines: readonly string[]) => boolean,
  signal: NodeJS.Signals = 'SIGINT',
): Promise<StoppedRun> {
  const run = startExample(packageDir, name, { timeScale, limitSeconds: 60 });
  await run.until(() => ready(run.lines()), 'the lines awaited', 50);
  const linesAtSignal = run.lines().length;
  const exit = await run.stop(signal);
  return { ...exit, pid: run.pid, lines: run.lines(), stderr: run.stderr, linesAtSignal };
}

/** The lines of `lines` that match `pattern`. */
export const matching = (lines: readonly string[], pattern: RegExp) =>
  lines.filter((line) => pattern.test(line));
