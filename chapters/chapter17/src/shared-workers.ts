import { Worker } from 'node:worker_threads';
import { resolveWorkerModule } from '@mc/core';

/** What every worker of `runWorkers` is given, besides the caller's data. */
export interface WorkerShare {
  /** This worker's number, from 0. */
  readonly index: number;
  /** How many workers run: the start barrier waits for all of them. */
  readonly parties: number;
  /** How many operations this worker performs. */
  readonly operations: number;
}

/**
 * `total` operations split over `parts` workers as evenly as whole numbers allow (the first ones
 * take one more): the book's 1000 threads of one operation each become 4 workers of 250.
 */
export function splitEvenly(total: number, parts: number): number[] {
  return Array.from(
    { length: parts },
    (_, index) => Math.floor(total / parts) + (index < total % parts ? 1 : 0),
  );
}

/**
 * Starts `workers` worker threads on the module (compiled JavaScript, see `resolveWorkerModule`),
 * each with `data` (its SharedArrayBuffers are shared, not copied) and its `WorkerShare`, and
 * resolves once every one has exited: Python's start-all, join-all. Rejects with the first error
 * a worker throws. The workers print nothing: their output could be lost when the program ends,
 * so the main thread reads the shared memory and prints.
 */
export async function runWorkers(
  moduleUrl: URL,
  workers: number,
  total: number,
  data: Readonly<Record<string, unknown>>,
): Promise<void> {
  const module = new URL(resolveWorkerModule(moduleUrl));
  const shares = splitEvenly(total, workers);
  await Promise.all(
    shares.map(
      (operations, index) =>
        new Promise<void>((resolve, reject) => {
          const share: WorkerShare = { index, parties: workers, operations };
          const worker = new Worker(module, { workerData: { ...data, ...share } });
          worker.once('error', reject);
          worker.once('exit', (code) =>
            code === 0 ? resolve() : reject(new Error(`worker ${index} exited with code ${code}`)),
          );
        }),
    ),
  );
}
