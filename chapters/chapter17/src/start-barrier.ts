/**
 * The start barrier of Chapter 17's workers. Python's `sys.setswitchinterval(.000001)` makes its
 * threads switch as often as possible; Node has no switch interval to tune (workers run truly in
 * parallel), so the examples raise the odds of a collision the other way: every worker waits here
 * until all have arrived, then all start their operations at the same moment.
 */

/**
 * Counts this worker in at `cells[index]` and waits until `parties` workers have: the last to
 * arrive wakes the others. It blocks its thread (`Atomics.wait`), so it is for workers only.
 */
export function awaitStart(cells: Int32Array, index: number, parties: number): void {
  const arrived = Atomics.add(cells, index, 1) + 1;
  if (arrived >= parties) {
    Atomics.notify(cells, index);
    return;
  }
  for (let seen = arrived; seen < parties; seen = Atomics.load(cells, index)) {
    // Returns at once when the count moved since it was read; the last arrival notifies.
    Atomics.wait(cells, index, seen);
  }
}
