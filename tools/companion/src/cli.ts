#!/usr/bin/env node
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCompanion } from './server.js';
import { writeSite } from './site.js';

const USAGE = `Usage: pnpm book [--port P] [--python DIR] [--time-scale N]
       pnpm book --out DIR [--python DIR]

Serves the companion on http://127.0.0.1:P/ (default port 4173; 0 picks a free one), or with
--out writes the same pages as a static site to DIR (reading works from disk; running needs the
server). --python DIR: the reader's checkout of the book's code (path/to/Mastering-Concurrency-in-Python),
shown beside each twin and runnable beside it. --time-scale N: live runs at BOOK_TIME_SCALE=N.`;

/** The repository root, from this file's place (tools/companion/dist/cli.js), never from cwd. */
const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

interface Options {
  port: number;
  out?: string;
  python?: string;
  timeScale?: number;
}

function parse(argv: readonly string[]): Options | string {
  const options: Options = { port: 4173 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    const needs = (): string | undefined =>
      value === undefined || value.startsWith('--') ? `${arg} needs a value` : undefined;
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--port') {
      const problem = needs();
      if (problem) return problem;
      const port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        return `--port '${value}': a whole number from 0 to 65535`;
      }
      options.port = port;
    } else if (arg === '--out') {
      const problem = needs();
      if (problem) return problem;
      options.out = resolve(value as string);
    } else if (arg === '--python') {
      const problem = needs();
      if (problem) return problem;
      const dir = resolve(value as string);
      if (!existsSync(dir) || !statSync(dir).isDirectory())
        return `--python '${value}': no such folder`;
      options.python = dir;
    } else if (arg === '--time-scale') {
      const problem = needs();
      if (problem) return problem;
      const scale = Number(value);
      if (!Number.isFinite(scale) || scale < 0)
        return `--time-scale '${value}': a non-negative number`;
      options.timeScale = scale;
    } else {
      return `unknown argument '${arg}'; valid: --port P, --out DIR, --python DIR, --time-scale N, --help`;
    }
    i++;
  }
  return options;
}

const parsed = parse(process.argv.slice(2));
if (parsed === 'help') {
  process.stdout.write(`${USAGE}\n`);
} else if (typeof parsed === 'string') {
  process.stderr.write(`book: ${parsed}\n`);
  process.exitCode = 2;
} else if (parsed.out !== undefined) {
  const started = performance.now();
  const written = await writeSite(
    { root, ...(parsed.python ? { python: parsed.python } : {}) },
    parsed.out,
  );
  const took = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `book: wrote ${written.length} pages to ${parsed.out} in ${took} s; open ${resolve(parsed.out, 'index.html')}\n`,
  );
} else {
  const companion = await startCompanion({
    root,
    port: parsed.port,
    ...(parsed.python ? { python: parsed.python } : {}),
    ...(parsed.timeScale !== undefined ? { timeScale: parsed.timeScale } : {}),
  }).catch((error: NodeJS.ErrnoException) => {
    const why = error.code === 'EADDRINUSE' ? 'that port is in use; try --port 0' : error.message;
    process.stderr.write(`book: cannot listen on 127.0.0.1:${parsed.port}: ${why}\n`);
    process.exit(1);
  });
  process.stdout.write(`${companion.url}\n`);
  let closing = false;
  const close = (): void => {
    if (closing) process.exit(130);
    closing = true;
    void companion.close().then(() => process.exit(0));
  };
  process.on('SIGINT', close);
  process.on('SIGTERM', close);
}
