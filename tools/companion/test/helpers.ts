import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const root: string = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

// The pages are made from every chapter's compiled declaration (dist/examples.js): build first.
const unbuilt = readdirSync(join(root, 'chapters')).filter(
  (name) => !existsSync(join(root, 'chapters', name, 'dist', 'examples.js')),
);
if (unbuilt.length > 0) {
  throw new Error(`not built: ${unbuilt.join(', ')}; run pnpm build at the repository root first`);
}

/** Where the tests' live runs keep their reports: never the reader's reports/companion. */
export const liveState: string = mkdtempSync(join(tmpdir(), 'companion-live-'));

/**
 * Pids of running processes whose command line contains `text` (from /proc): give a full path,
 * other worktrees on this machine run the same examples.
 */
export function processesRunning(text: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (cmdline.includes(text)) pids.push(Number(entry));
    } catch {}
  }
  return pids;
}

/** A raw HTTP request with any Host header (fetch will not send a forged one). */
export function rawRequest(
  port: number,
  options: { method?: string; path?: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path ?? '/',
        headers: options.headers,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () => done({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', fail);
    req.end(options.body);
  });
}

/** Posts a run request and reads its whole stream of events (one JSON object a line). */
export async function runToEnd(
  url: string,
  token: string,
  body: Record<string, unknown>,
  onEvent?: (event: { type: string; text?: string }) => void,
): Promise<{ status: number; events: Record<string, unknown>[]; text: string }> {
  const response = await fetch(`${url}api/run`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-companion-token': token },
    body: JSON.stringify(body),
  });
  if (!response.ok || !response.body)
    return { status: response.status, events: [], text: await response.text() };
  const events: Record<string, unknown>[] = [];
  let buffered = '';
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const { value: chunk, done } = await reader.read();
    if (done) break;
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines.filter(Boolean)) {
      const event = JSON.parse(line) as { type: string; text?: string };
      events.push(event);
      onEvent?.(event);
    }
  }
  return { status: response.status, events, text: '' };
}
