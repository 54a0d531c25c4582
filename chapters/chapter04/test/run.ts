import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const packageDir = fileURLToPath(new URL('..', import.meta.url));

export interface Run {
  /** Exit status; null when the process was killed at its limit. */
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly seconds: number;
}

/**
 * Runs `node dist/<name>.js` with stdin closed, at time scale 0.01, killed after `limitSeconds`
 * so a hang fails the test instead of stalling it.
 */
export function runExample(
  name: string,
  args: readonly string[] = [],
  limitSeconds = 50,
): Promise<Run> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [`dist/${name}.js`, ...args],
      {
        cwd: packageDir,
        env: { ...process.env, BOOK_TIME_SCALE: '0.01' },
        timeout: limitSeconds * 1000,
        killSignal: 'SIGKILL',
      },
      (error, stdout, stderr) => {
        const code = error ? (error.killed ? null : (error.code as number)) : 0;
        resolve({ code, stdout, stderr, seconds: (performance.now() - started) / 1000 });
      },
    );
    child.stdin?.end();
  });
}
