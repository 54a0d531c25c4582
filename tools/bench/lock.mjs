#!/usr/bin/env node
// What core's threading Lock costs against bare async-mutex (which it is built on), as
// `Label: X seconds.` lines for medians.mjs (build first: pnpm build). Each figure is the time of
// 100,000 acquire/release pairs:
//   Uncontended mutex / Uncontended Lock: one task, the lock always free
//   Contended mutex / Contended Lock: four tasks, each holding the lock across one await, so every
//     acquire waits (core's Lock then records the waiter and arms its deadlock watch)
// first in plain async functions, then again inside core Threads (`... in threads`), where
// currentThread's AsyncLocalStorage is on: Node 20 then tracks every promise, bare async-mutex
// included. The two sides alternate, three rounds each; a line reports the best round.
//
//   node tools/bench/medians.mjs --runs 7 --ratio 'Uncontended Lock#1/Uncontended mutex#1' \
//     --ratio 'Contended Lock#1/Contended mutex#1' tools/bench/lock.mjs
import { Lock, Thread } from '@mc/core/threading';
import { timer } from '@mc/core/timeit';
import { Mutex } from 'async-mutex';

const PAIRS = 100_000;
const TASKS = 4;

/** Two faces of a lock the loops below take and free. */
const sides = {
  mutex: () => {
    const mutex = new Mutex();
    return { acquire: () => mutex.acquire(), release: () => mutex.release() };
  },
  Lock: () => {
    const lock = new Lock();
    return { acquire: () => lock.acquire(), release: () => lock.release() };
  },
};

async function uncontended(lock) {
  for (let i = 0; i < PAIRS; i++) {
    await lock.acquire();
    lock.release();
  }
}

async function contended(lock, start) {
  const task = async () => {
    for (let i = 0; i < PAIRS / TASKS; i++) {
      await lock.acquire();
      await null; // held across a wait: the others queue behind it
      lock.release();
    }
  };
  await Promise.all(Array.from({ length: TASKS }, () => start(task)));
}

const plain = (task) => task();
const inThread = (task) => {
  const thread = new Thread({ target: task });
  thread.start();
  return thread.join();
};

async function once(side, scenario) {
  const lock = sides[side]();
  const began = timer();
  await scenario(lock);
  return timer() - began;
}

async function measure(suffix, start) {
  for (const [label, scenario] of [
    ['Uncontended', (lock) => start(() => uncontended(lock))],
    ['Contended', (lock) => contended(lock, start)],
  ]) {
    const seconds = {};
    for (let round = 0; round < 3; round++) {
      for (const side of round % 2 === 0 ? ['mutex', 'Lock'] : ['Lock', 'mutex']) {
        const took = await once(side, scenario);
        seconds[side] = Math.min(seconds[side] ?? Number.POSITIVE_INFINITY, took);
      }
    }
    for (const side of ['mutex', 'Lock']) {
      console.log(`${label} ${side}${suffix}: ${seconds[side].toFixed(4)} seconds.`);
    }
  }
}

await measure('', plain);
await measure(' in threads', inThread);
