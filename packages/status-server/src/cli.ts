#!/usr/bin/env node
/**
 * `status-server`: runs the status server standalone until SIGINT or SIGTERM, so curl, a browser or
 * the book's own Python programs can be pointed at it.
 *
 *   status-server [--port N] [--host H] [--latency MS]
 */
import { parseArgs } from 'node:util';
import { runMain, UsageError } from '@mc/core';
import { DEFAULT_LATENCY_MS, startStatusServer } from './server.js';
import { MAX_SLEEP_MS } from './sleep-parameter.js';

const USAGE = `usage: status-server [--port 0..65535 (default 0: a free port)] [--host ADDRESS (default 127.0.0.1)] [--latency 0..${MAX_SLEEP_MS} ms (default ${DEFAULT_LATENCY_MS})]`;

/** A bad argument: `runMain` prints one line saying what is allowed and exits 2. */
function refuse(problem: string): never {
  throw new UsageError(`${problem}; ${USAGE}`);
}

function wholeNumber(name: string, raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  if (!/^[0-9]+$/.test(raw) || Number(raw) > max) {
    refuse(`--${name} must be a whole number from 0 to ${max}, got "${raw}"`);
  }
  return Number(raw);
}

function readOptions(argv: string[]): {
  port: number;
  host: string;
  latencyMs: number;
  help: boolean;
} {
  let values: { port?: string; host?: string; latency?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        latency: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    refuse((error as Error).message.split('\n')[0]?.replace(/\.$/, '') ?? 'bad arguments');
  }
  if (values.host !== undefined && values.host.trim() === '') refuse('--host must not be empty');
  return {
    port: wholeNumber('port', values.port, 0, 65_535),
    host: values.host ?? '127.0.0.1',
    latencyMs: wholeNumber('latency', values.latency, DEFAULT_LATENCY_MS, MAX_SLEEP_MS),
    help: values.help === true,
  };
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  // A port in use or a host that is not this machine's: runMain prints one line and exits 1.
  const server = await startStatusServer(options);
  process.stdout.write(
    `status-server listening on ${server.url} (latency ${server.latencyMs} ms, time scale ${server.timeScale}); Ctrl+C stops it\n`,
  );
  const stop = (): void => {
    // A second signal while closing ends the process at once.
    process.once('SIGINT', () => process.exit(130));
    process.once('SIGTERM', () => process.exit(143));
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

runMain(main, { name: 'status-server' });
