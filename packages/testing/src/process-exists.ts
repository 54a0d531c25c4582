/**
 * True while a process with this id exists (signal 0 asks the system without sending anything),
 * for a test to prove a spawned example left nothing running.
 *
 * @example expect(processExists(run.pid)).toBe(false)
 */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
