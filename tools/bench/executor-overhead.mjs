#!/usr/bin/env node
// What core's ProcessPoolExecutor itself costs, beside the work it runs, on Chapter 2's search (the
// 1000 integers from 10^13, `isPrime` of @mc/primes), each as a `Label: X seconds.` line for
// medians.mjs (build first: pnpm build):
//   Sequential: the 1000 checks one after another in this thread (the pure work)
//   Workers up: creating a 1-worker pool and its first submit, which waits for the worker to start
//   First result: from that submit to its result (the task's module is imported then)
//   1000 empty tasks: 1000 checks of even numbers (no work) on that warm 1-worker pool, collected
//     with asCompleted: the messages and futures of 1000 tasks
//
//   node tools/bench/medians.mjs --runs 5 --max-others 10 tools/bench/executor-overhead.mjs
import { asCompleted, ProcessPoolExecutor, workerFunction } from '@mc/core/concurrent/futures';
import { timer } from '@mc/core/timeit';
import { isPrime } from '@mc/primes';

const input = Array.from({ length: 1000 }, (_, i) => 10 ** 13 + i);
const isPrimeTask = workerFunction(import.meta.resolve('@mc/primes'), 'isPrime');

let start = timer();
input.filter((x) => isPrime(x));
console.log(`Sequential: ${(timer() - start).toFixed(4)} seconds.`);

start = timer();
const executor = new ProcessPoolExecutor({ maxWorkers: 1 });
try {
  const first = executor.submit(isPrimeTask, 4);
  console.log(`Workers up: ${(timer() - start).toFixed(4)} seconds.`);
  start = timer();
  await first.result();
  console.log(`First result: ${(timer() - start).toFixed(4)} seconds.`);

  const evens = input.map((x) => x + (x % 2));
  start = timer();
  for await (const future of asCompleted(evens.map((x) => executor.submit(isPrimeTask, x)))) {
    await future.result();
  }
  console.log(`1000 empty tasks: ${(timer() - start).toFixed(4)} seconds.`);
} finally {
  await executor.shutdown();
}
