// Worker module of the overlap probe (see overlap-probe.ts): runs in a pool's worker thread, as
// compiled JavaScript, so it imports nothing but Node.
import { performance } from 'node:perf_hooks';
import { threadId } from 'node:worker_threads';

/** What one side of the probe is given: the shared counters, its side, when to stop. */
export interface ProbeTask {
  /** Int32 slots: [0] and [1] the two sides' counters, [2] set once one side has seen enough. */
  readonly shared: SharedArrayBuffer;
  readonly side: 0 | 1;
  /** Stop once this many simultaneous advances were seen (by either side). */
  readonly required: number;
  /** Stop after this many milliseconds in any case. */
  readonly deadlineMs: number;
  /** Two reads closer than this (ms) had no time slice between them: nothing else ran on this CPU. */
  readonly closeMs: number;
  /** Count only advances seen on this many close reads in a row. */
  readonly streak: number;
}

/** What one side saw. */
export interface ProbeReport {
  readonly threadId: number;
  /** How often the other side's counter moved between two close reads of this side, in a streak. */
  readonly observations: number;
}

const DONE = 2;

/**
 * Spins: counts up its own counter and reads the other side's, with a high-resolution clock. When
 * the other counter moved between two of its own reads less than `closeMs` apart, the other side
 * was running at that very moment on another CPU: on one CPU it could only have run while this
 * side was descheduled, which takes a time slice (milliseconds), far longer than `closeMs`. A
 * wake-up on a busy CPU can still swap the two sides for a few microseconds now and then, so only
 * advances seen on `streak` close reads in a row count: on one CPU that would take as many swaps
 * back and forth, each within `closeMs`; on two CPUs running both sides, almost every read sees one.
 */
export function watchPeer(task: ProbeTask): ProbeReport {
  const { shared, side, required, deadlineMs, closeMs, streak } = task;
  const counters = new Int32Array(shared);
  const other = 1 - side;
  const deadline = performance.now() + deadlineMs;
  let observations = 0;
  let inARow = 0;
  // Each read of the other counter is bracketed by two clock reads: the previous read happened
  // after `previousBefore`, this one before `after`, so `after - previousBefore` bounds the gap.
  let previousBefore = performance.now();
  let previous = Atomics.load(counters, other);
  while (Atomics.load(counters, DONE) === 0) {
    Atomics.add(counters, side, 1);
    const before = performance.now();
    const seen = Atomics.load(counters, other);
    const after = performance.now();
    inARow = seen !== previous && after - previousBefore < closeMs ? inARow + 1 : 0;
    if (inARow >= streak) {
      observations += 1;
      if (observations >= required) Atomics.store(counters, DONE, 1);
    }
    if (after > deadline) break;
    previous = seen;
    previousBefore = before;
  }
  return { threadId, observations };
}
