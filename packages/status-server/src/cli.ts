#!/usr/bin/env node
/**
 * `status-server`: runs the status server standalone until SIGINT or SIGTERM, so curl, a browser or
 * the book's own Python programs can be pointed at it.
 *
 *   status-server [--port N] [--host H] [--latency MS]
 */
import {
  interrupted,
  numberOption,
  parseOptions,
  runMain,
  UsageError,
  wholeNumber,
} from '@mc/core';
import { DEFAULT_LATENCY_MS, startStatusServer } from './server.js';
import { MAX_SLEEP_MS } from './sleep-parameter.js';

const USAGE = `usage: status-server [--port 0..65535 (default 0: a free port)] [--host ADDRESS (default 127.0.0.1)] [--latency 0..${MAX_SLEEP_MS} ms (default ${DEFAULT_LATENCY_MS})]`;

/** The options, or a `UsageError` of one line naming the problem and what is allowed. */
function readOptions(argv: string[]): { port: number; host: string; latencyMs: number } | 'help' {
  const { values } = parseOptions(
    {
      args: argv,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        latency: { type: 'string' },
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
    latencyMs:
      numberOption('latency', values.latency, wholeNumber(0, MAX_SLEEP_MS), USAGE) ??
      DEFAULT_LATENCY_MS,
  };
}

async function main(): Promise<void> {
  // A bad option is a UsageError: runMain prints it as one line and exits 2.
  const options = readOptions(process.argv.slice(2));
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  // A port in use or a host that is not this machine's: runMain prints one line and exits 1.
  const server = await startStatusServer(options);
  // Caught from before the line that says it listens: a stop sent the moment the line appears
  // must not meet Node's default action (death by the signal).
  const stop = interrupted();
  process.stdout.write(
    `status-server listening on ${server.url} (latency ${server.latencyMs} ms, time scale ${server.timeScale}); Ctrl+C stops it\n`,
  );
  // Stopped by the first SIGINT or SIGTERM (a second exits at once): closing the server ends
  // the program, status 0.
  await stop;
  await server.close();
}

runMain(main, { name: 'status-server' });
