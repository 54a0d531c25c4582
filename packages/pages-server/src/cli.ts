#!/usr/bin/env node
/**
 * `pages-server`: runs the pages server standalone until SIGINT or SIGTERM, for curl, a browser,
 * or the book's own Python programs through `HTTP_PROXY` (the proxy form of `routing.ts`).
 *
 *   pages-server [--port N] [--host H]
 */
import { numberOption, parseOptions, runMain, UsageError, wholeNumber } from '@mc/core';
import { startPagesServer } from './server.js';

const USAGE =
  'usage: pages-server [--port 0..65535 (default 0: a free port)] [--host ADDRESS (default 127.0.0.1)]';

function readOptions(argv: string[]): { port: number; host: string } | 'help' {
  const { values } = parseOptions(
    {
      args: argv,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    },
    USAGE,
  );
  if (values.help) return 'help';
  if (values.host !== undefined && values.host.trim() === '') {
    throw new UsageError(`--host must not be empty; ${USAGE}`);
  }
  return {
    port: numberOption('port', values.port, wholeNumber(0, 65_535), USAGE) ?? 0,
    host: values.host ?? '127.0.0.1',
  };
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const server = await startPagesServer(options);
  process.stdout.write(
    `pages-server listening on ${server.url} (time scale ${server.timeScale}): GET ${server.resolve('http://python.org')}, or HTTP_PROXY=${server.url}; Ctrl+C stops it\n`,
  );
  const stop = (): void => {
    process.once('SIGINT', () => process.exit(130));
    process.once('SIGTERM', () => process.exit(143));
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

runMain(main, { name: 'pages-server' });
