import { execFileSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const packageDir = fileURLToPath(new URL('..', import.meta.url));

/** The pids of the live child processes of `pid` (Linux and macOS `ps`). */
function childrenOf(pid: number): number[] {
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
export function watchChildren(
  script: string,
  args: readonly string[] = [],
): Promise<ChildrenWatch> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      cwd: packageDir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      stdout += text;
    });
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      stderr += text;
    });
    const children = new Set<number>();
    let mostAtOnce = 0;
    const look = setInterval(() => {
      if (child.pid === undefined || child.exitCode !== null) return;
      const now = childrenOf(child.pid);
      for (const pid of now) children.add(pid);
      mostAtOnce = Math.max(mostAtOnce, now.length);
    }, 50);
    const limit = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(look);
      clearTimeout(limit);
      resolve({ code, stdout, stderr, children, mostAtOnce });
    });
  });
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
 * 60 s, so a program that ignores the signal fails the test instead of hanging it.
 */
export function runUntil(
  name: string,
  timeScale: number,
  ready: (lines: readonly string[]) => boolean,
  signal: NodeJS.Signals = 'SIGINT',
): Promise<StoppedRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`dist/${name}.js`], {
      cwd: packageDir,
      env: { ...process.env, BOOK_TIME_SCALE: String(timeScale) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let linesAtSignal = -1;
    const lines = () => stdout.split('\n').slice(0, -1);
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      stdout += text;
      if (linesAtSignal < 0 && ready(lines())) {
        linesAtSignal = lines().length;
        child.kill(signal);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      stderr += text;
    });
    const limit = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code, exitSignal) => {
      clearTimeout(limit);
      resolve({
        code,
        signal: exitSignal,
        pid: child.pid ?? 0,
        lines: lines(),
        stderr,
        linesAtSignal,
      });
    });
  });
}

/** The lines of `lines` that match `pattern`. */
export const matching = (lines: readonly string[], pattern: RegExp) =>
  lines.filter((line) => pattern.test(line));
