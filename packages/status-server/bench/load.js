// Load benchmark of the status server: the built CLI runs in its own process with zero latency (so
// the load tool does not share its event loop), and autocannon sends 50,000 GET /200 over 50
// keep-alive connections after a 2,000-request warm-up. Prints requests per second, latency
// percentiles and the error and non-2xx counts; exits 1 if any request failed.
//
//   pnpm --filter @mc/status-server bench
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const CONNECTIONS = 50;
const AMOUNT = 50_000;
const WARM_UP = 2_000;
const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

const server = spawn(process.execPath, [cli, '--port', '0', '--latency', '0'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
server.stdout.setEncoding('utf8');
const [line] = await once(server.stdout, 'data');
const url = /listening on (\S+)/.exec(line)?.[1];
if (url === undefined) {
  console.error(`bench: the server did not announce its URL: ${line}`);
  server.kill('SIGTERM');
  process.exit(1);
}

const target = `${url}/200`;
await autocannon({ url: target, connections: CONNECTIONS, amount: WARM_UP });
const started = performance.now();
const result = await autocannon({ url: target, connections: CONNECTIONS, amount: AMOUNT });
const seconds = (performance.now() - started) / 1000;

const stopped = once(server, 'exit');
server.kill('SIGTERM');
await stopped;

const { latency } = result;
const completed = result.requests.total;
const failures = result.errors + result.timeouts + result.non2xx;
console.log(
  `GET ${new URL(target).pathname}, ${CONNECTIONS} connections, ${AMOUNT} requests, latency 0`,
);
console.log(`requests/s       ${Math.round(completed / seconds)}`);
console.log(`latency p50      ${latency.p50} ms`);
console.log(`latency p90      ${latency.p90} ms`);
console.log(`latency p99      ${latency.p99} ms`);
console.log(`completed        ${completed} (2xx ${result['2xx']})`);
console.log(`errors           ${result.errors} (timeouts ${result.timeouts})`);
console.log(`non-2xx          ${result.non2xx}`);
if (failures > 0 || completed < AMOUNT) process.exit(1);
