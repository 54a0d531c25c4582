import { execFileSync } from 'node:child_process';
import { type StartExampleOptions, startExample, startProgram } from './running-example.js';

/** The pids of the live child processes of `pid` (procps `ps`, Linux). */
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
 * Runs `node <script>` in `packageDir` (killed after `limitSeconds`, 60 unless given) and looks at
 * its child processes every 50 ms until it exits: which processes it started, and how many lived
 * at once. What a program does with processes, proven from outside it.
 *
 * @example const { children, mostAtOnce } = await watchChildren(packageDir, 'dist/example5.js')
 */
export async function watchChildren(
  packageDir: string,
  script: string,
  options: StartExampleOptions = {},
): Promise<ChildrenWatch> {
  const run = startProgram(packageDir, script, { limitSeconds: 60, ...options });
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
 * Runs `node dist/<name>.js` until its stdout lines satisfy `ready`, then sends `signal` (a
 * reader's Ctrl-C by default) to it alone, and waits for it to exit. Killed after `limitSeconds`
 * (60 unless given), so a program that ignores the signal fails the test instead of hanging it;
 * fails at once when the program ends before it is ready.
 *
 * @example const run = await runUntil(packageDir, 'example2', (lines) => lines.length >= 3, { timeScale: 0.1 })
 */
export async function runUntil(
  packageDir: string,
  name: string,
  ready: (lines: readonly string[]) => boolean,
  options: StartExampleOptions & { readonly signal?: NodeJS.Signals } = {},
): Promise<StoppedRun> {
  const { signal = 'SIGINT', ...start } = options;
  const run = startExample(packageDir, name, { limitSeconds: 60, ...start });
  await run.until(() => ready(run.lines()), 'the lines awaited', 50);
  const linesAtSignal = run.lines().length;
  const exit = await run.stop(signal);
  return { ...exit, pid: run.pid, lines: run.lines(), stderr: run.stderr, linesAtSignal };
}
