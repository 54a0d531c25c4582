import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';

/** The time scale of every test: the book's 1 s lasts 10 ms. */
export const TIME_SCALE = '0.01';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

export interface Run {
  /** Exit status; null when the process was killed at the test's limit. */
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout split into lines, without the empty string after the last newline. */
  readonly lines: string[];
  readonly seconds: number;
}

export interface RunOptions {
  readonly args?: readonly string[];
  /** Written to stdin once stdout contains `afterOutput`, then stdin closes. Without: closed at once. */
  readonly answer?: { readonly text: string; readonly afterOutput: string };
  /** Seconds after which the process is killed (its `code` is then null). */
  readonly limitSeconds?: number;
}

/** Runs `node dist/<name>.js` at the test time scale and collects what it prints. */
export function runExample(name: string, options: RunOptions = {}): Promise<Run> {
  const started = performance.now();
  const child = spawn(process.execPath, [`dist/${name}.js`, ...(options.args ?? [])], {
    cwd: packageDir,
    env: { ...process.env, BOOK_TIME_SCALE: TIME_SCALE },
  });
  let stdout = '';
  let stderr = '';
  const { answer } = options;
  if (!answer) child.stdin.end();
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (answer && !child.stdin.writableEnded && stdout.includes(answer.afterOutput)) {
      child.stdin.end(answer.text);
    }
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const limit = setTimeout(() => child.kill('SIGKILL'), (options.limitSeconds ?? 20) * 1000);
  return new Promise((resolve) => {
    child.on('close', (code) => {
      clearTimeout(limit);
      const lines = stdout.split('\n');
      if (lines.at(-1) === '') lines.pop();
      resolve({ code, stdout, stderr, lines, seconds: (performance.now() - started) / 1000 });
    });
  });
}

/** Runs `fn` in this process at `scale`, returning the lines it printed and its wall time. */
export async function captureLines(
  fn: () => Promise<void>,
  scale = TIME_SCALE,
): Promise<{ lines: string[]; seconds: number }> {
  const lines: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((text: string) => {
    lines.push(...text.split('\n'));
  });
  const previousScale = process.env.BOOK_TIME_SCALE;
  process.env.BOOK_TIME_SCALE = scale;
  const started = performance.now();
  try {
    await fn();
  } finally {
    log.mockRestore();
    if (previousScale === undefined) delete process.env.BOOK_TIME_SCALE;
    else process.env.BOOK_TIME_SCALE = previousScale;
  }
  return { lines, seconds: (performance.now() - started) / 1000 };
}

/** The countdown lines a thread prints, 5 to 1. */
export function countdown(name: string): string[] {
  return [5, 4, 3, 2, 1].map((n) => `Thread ${name} counting down: ${n}...`);
}
