import { exampleRunner, processExists } from '@mc/testing';
import { describe, expect, it } from 'vitest';

const runExample = exampleRunner(import.meta.url, { limitSeconds: 30 });

describe('example3.py', () => {
  it("prints the main program's pid as its child's parent pid, and the child's own pid", async () => {
    const run = await runExample('example3', { timeScale: 0.1 });
    expect(run.code).toBe(0);
    const [mainTitle, , mainPid, blank1, childTitle, childParent, childPid, blank2, ...rest] =
      run.lines;
    expect([mainTitle, blank1, childTitle, blank2]).toEqual(['Main program', '', 'Function f', '']);
    const pid = (line: string | undefined) => Number(/ID: (\d+)\.$/.exec(line ?? '')?.[1]);
    // The main program is the process the test spawned; its child is another OS process.
    expect(pid(mainPid)).toBe(run.pid);
    expect(pid(childParent)).toBe(run.pid);
    expect(pid(childPid)).not.toBe(run.pid);
    expect(pid(childPid)).toBeGreaterThan(0);
    expect(processExists(pid(childPid))).toBe(false);
    expect(rest).toEqual([
      'Starting process Process-1...',
      'Exiting process Process-1...',
      'Done.',
    ]);
  });
});
