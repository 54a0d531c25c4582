#!/usr/bin/env node
/**
 * `pages-server`: runs the pages server standalone until SIGINT or SIGTERM, for curl, a browser,
 * or the book's own Python programs through `HTTP_PROXY` (the proxy form of `routing.ts`).
 *
 *   pages-server [--port N] [--host H]
 */
import {
  interrupted,
  numberOption,
  parseOptions,
  runMain,
  UsageError,
  wholeNumber,
} from '@mc/core';
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
  // Caught from before the line that says it listens: a stop sent the moment the line appears
  // must not meet Node's default action (death by the signal).
  const stop = interrupted();
  process.stdout.write(
    `pages-server listening on ${server.url} (time scale ${server.timeScale}): GET ${server.resolve('http://python.org')}, or HTTP_PROXY=${server.url}; Ctrl+C stops it\n`,
  );
  // Stopped by the first SIGINT or SIGTERM (a second exits at once): closing the server ends
  // the program, status 0.
  await stop;
  await server.close();
}

runMain(main, { name: 'pages-server' });
