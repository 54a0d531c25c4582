import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { awaitStart } from '../src/start-barrier.js';

/** Cell 0: arrivals at the barrier; cell 1: set by the worker once it is through. */
const ARRIVED = 0;
const THROUGH = 1;

/** A worker thread that arrives at the compiled barrier, then marks itself through. */
function arriveInWorker(cells: Int32Array, parties: number): Worker {
  const barrier = new URL('../dist/start-barrier.js', import.meta.url).href;
  const code = `
    const { workerData } = require('node:worker_threads');
    import(${JSON.stringify(barrier)}).then(({ awaitStart }) => {
      const cells = new Int32Array(workerData.buffer);
      awaitStart(cells, ${ARRIVED}, workerData.parties);
      Atomics.store(cells, ${THROUGH}, 1);
      Atomics.notify(cells, ${THROUGH});
    });
  `;
  return new Worker(code, { eval: true, workerData: { buffer: cells.buffer, parties } });
}

const sharedCells = () => new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));

describe('start-barrier (awaitStart)', () => {
  it('lets the last of the parties through at once, and counts it in', () => {
    const cells = sharedCells();
    awaitStart(cells, ARRIVED, 1);
    expect(cells[ARRIVED]).toBe(1);
    cells[ARRIVED] = 2; // two arrived before
    awaitStart(cells, ARRIVED, 3);
    expect(cells[ARRIVED]).toBe(3);
  });

  it('holds an early worker until the last party arrives, then releases it', async () => {
    const cells = sharedCells();
    const worker = arriveInWorker(cells, 2);
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    try {
      // Wait (blocking this thread, as a worker would) until the worker has arrived.
      while (Atomics.load(cells, ARRIVED) === 0) Atomics.wait(cells, ARRIVED, 0, 50);
      // Arrived and alone: it must not be through. A barrier that let it go would set the cell
      // within the 300 ms this waits (a loaded machine can only make that miss, never fail it).
      expect(Atomics.wait(cells, THROUGH, 0, 300)).toBe('timed-out');
      awaitStart(cells, ARRIVED, 2); // the last party: wakes it
      while (Atomics.load(cells, THROUGH) === 0) Atomics.wait(cells, THROUGH, 0, 50);
      expect(cells[ARRIVED]).toBe(2);
      await exited;
    } finally {
      await worker.terminate();
    }
  });
});
