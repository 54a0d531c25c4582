import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { scaledMilliseconds, timer } from '@mc/core';
import { type StatusServer, startStatusServer } from '@mc/status-server';
import { afterAll, beforeAll, vi } from 'vitest';

/** Seconds that `bookSeconds` last at the current time scale. */
export function scaledSeconds(bookSeconds: number): number {
  return scaledMilliseconds(bookSeconds) / 1000;
}

/**
 * Gives the enclosing `describe` an embedded status server, started before its tests at
 * `timeScale` (set as BOOK_TIME_SCALE for the tests too) and stopped after them.
 */
export function useStatusServer(timeScale: number): () => StatusServer {
  let server: StatusServer | undefined;
  beforeAll(async () => {
    vi.stubEnv('BOOK_TIME_SCALE', String(timeScale));
    server = await startStatusServer();
  });
  afterAll(async () => {
    await server?.close();
    vi.unstubAllEnvs();
  });
  return () => {
    if (server === undefined) throw new Error('the status server starts in beforeAll');
    return server;
  };
}

/** What example6 and its deadline version print first, for a service at `base`. */
export function example6Results(base: string): string[] {
  return [
    `${base}/200: 200 OK`,
    `${base}/200?sleep=4000: 200 OK`,
    `${base}/200?sleep=20000: Custom timeout`,
    `${base}/400: 400 Bad Request`,
  ];
}

/** Runs `work` with `console.log` captured: the lines it printed, and what it returned. */
export async function captureLines<T>(
  work: () => Promise<T>,
): Promise<{ lines: string[]; value: T }> {
  const lines: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((...values: unknown[]) => {
    lines.push(values.map(String).join(' '));
  });
  try {
    return { lines, value: await work() };
  } finally {
    spy.mockRestore();
  }
}

/** How a spawned example ended. Times are seconds since it was spawned. */
export interface ExampleRun {
  lines: string[];
  stderr: string;
  code: number | null;
  pid: number;
  /** When its last line of output arrived. */
  lastOutputAt: number;
  /** When its process had exited. */
  exitedAt: number;
}

const CHAPTER = fileURLToPath(new URL('..', import.meta.url));

/**
 * Runs `node dist/<name>.js` as the runner does, at `timeScale`, with no base URL in its
 * environment unless `env` gives one.
 */
export function runExample(
  name: string,
  options: { args?: string[]; env?: NodeJS.ProcessEnv; timeScale: number },
): Promise<ExampleRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, BOOK_TIME_SCALE: String(options.timeScale) };
  delete env.BOOK_BASE_URL;
  const start = timer();
  const child = spawn(process.execPath, [`dist/${name}.js`, ...(options.args ?? [])], {
    cwd: CHAPTER,
    env: { ...env, ...options.env },
  });
  let stdout = '';
  let stderr = '';
  let lastOutputAt = 0;
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    lastOutputAt = timer() - start;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      const exitedAt = timer() - start;
      child.once('close', () =>
        resolve({
          lines: stdout.split('\n').filter((line) => line !== ''),
          stderr,
          code,
          pid: child.pid ?? -1,
          lastOutputAt,
          exitedAt,
        }),
      );
    });
  });
}

/** True while a process with this id exists. */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
