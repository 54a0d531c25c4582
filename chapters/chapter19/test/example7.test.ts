import { packageDirOf, watchChildren } from '@mc/testing';
import { describe, expect, it } from 'vitest';
import { parseReport } from './unittest-report.js';

const packageDir = packageDirOf(import.meta.url);

describe('example7.py', () => {
  it('runs the four tests in four child processes alive at the same time, and all pass', async () => {
    const run = await watchChildren(packageDir, 'dist/example7.js');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(parseReport(run.stdout)).toEqual({ marks: '....', ran: 4, verdict: 'OK' });
    expect(run.children.size).toBe(4);
    // The three slow tests take a second or more each: their processes overlap, whatever the load.
    expect(run.mostAtOnce).toBeGreaterThanOrEqual(3);
  });
});
