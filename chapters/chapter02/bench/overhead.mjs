#!/usr/bin/env node
// The parts of example1's `Sub took` that are not checking primes, each as a `Label: X seconds.`
// line for medians.mjs (build first: pnpm --filter chapter02 build):
//   Sequential: the 1000 checks one after another in this thread (the pure work)
//   First result: from creating a 1-worker pool to its first result (a worker's start-up)
//   1000 empty tasks: 1000 checks of even numbers (no work) on that warm 1-worker pool
//
//   node chapters/chapter02/bench/medians.mjs --runs 5 --max-others 10 chapters/chapter02/bench/overhead.mjs
import { asCompleted, ProcessPoolExecutor } from '@mc/core/concurrent/futures';
import { timer } from '@mc/core/timeit';
import { isPrime } from '@mc/primes';
import { input, isPrimeTask } from '../dist/example1.js';

let start = timer();
input.filter((x) => isPrime(x));
console.log(`Sequential: ${(timer() - start).toFixed(4)} seconds.`);

const executor = new ProcessPoolExecutor({ maxWorkers: 1 });
try {
  start = timer();
  await executor.submit(isPrimeTask, 4).result();
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
