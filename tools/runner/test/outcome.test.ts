import { describe, expect, it } from 'vitest';
import type { EventCheck } from '../src/declare.js';
import {
  checkOutcome,
  checkRun,
  describeOutcome,
  eventKinds,
  reportedException,
} from '../src/outcome.js';
import type { RunResult } from '../src/run-example.js';
import type { Span, Trace } from '../src/trace.js';

const run = (overrides: Partial<RunResult>): RunResult => ({
  exitCode: 0,
  signal: null,
  timedOut: false,
  interrupted: false,
  wallSeconds: 1,
  cpuSeconds: 0.1,
  stdout: '',
  stderr: '',
  ...overrides,
});

describe('checkOutcome', () => {
  it('passes an exits example that exits 0', () => {
    expect(checkOutcome({ kind: 'exits' }, run({}))).toEqual({ ok: true, outcome: 'exits' });
  });

  it('fails an exits example that exits non-zero', () => {
    expect(checkOutcome({ kind: 'exits' }, run({ exitCode: 3 }))).toEqual({
      ok: false,
      outcome: 'exited 3',
    });
  });

  it('fails an exits example stopped at its limit as timed out', () => {
    expect(checkOutcome({ kind: 'exits' }, run({ exitCode: 143, timedOut: true }))).toEqual({
      ok: false,
      outcome: 'timed out',
    });
  });

  it('passes a fails example that exits non-zero naming its error on stderr or stdout', () => {
    const expected = { kind: 'fails', error: 'EMFILE' } as const;
    expect(
      checkOutcome(expected, run({ exitCode: 1, stderr: 'Error: EMFILE: too many open files' })),
    ).toEqual({
      ok: true,
      outcome: 'fails EMFILE',
    });
    expect(checkOutcome(expected, run({ exitCode: 1, stdout: 'caught EMFILE' })).ok).toBe(true);
  });

  it('fails a fails example that exits 0, or fails without naming its error, or times out', () => {
    const expected = { kind: 'fails', error: 'DeadlockDetected' } as const;
    expect(checkOutcome(expected, run({ exitCode: 0, stdout: 'DeadlockDetected' })).ok).toBe(false);
    expect(checkOutcome(expected, run({ exitCode: 1, stderr: 'TypeError' }))).toEqual({
      ok: false,
      outcome: 'exited 1 without DeadlockDetected',
    });
    expect(checkOutcome(expected, run({ exitCode: 143, timedOut: true })).outcome).toBe(
      'timed out',
    );
  });

  it('passes a blocks example still running at its limit', () => {
    expect(checkOutcome({ kind: 'blocks' }, run({ exitCode: 143, timedOut: true }))).toEqual({
      ok: true,
      outcome: 'blocks',
    });
  });

  it('fails a blocks example that exits before its limit, whatever its status', () => {
    expect(checkOutcome({ kind: 'blocks' }, run({ exitCode: 0 }))).toEqual({
      ok: false,
      outcome: 'exited 0 before its limit',
    });
  });

  it('fails any run interrupted by Ctrl-C', () => {
    expect(
      checkOutcome({ kind: 'blocks' }, run({ interrupted: true, timedOut: false })).outcome,
    ).toBe('interrupted');
  });

  it('describes declared outcomes in the same words', () => {
    expect(describeOutcome({ kind: 'fails', error: 'EMFILE' })).toBe('fails EMFILE');
    expect(describeOutcome({ kind: 'blocks' })).toBe('blocks');
  });
});

describe('checkRun', () => {
  const exits = { kind: 'exits' } as const;

  it('fails an exits run whose thread reported an exception, naming it', () => {
    const stderr = 'Exception in thread A:\nRangeError: bad scale\n    at run (file:///x.js:3:9)\n';
    expect(checkRun({ outcome: exits }, run({ stderr }))).toEqual({
      ok: false,
      outcome: 'exits, but raised: Exception in thread A: RangeError: bad scale',
    });
  });

  it('passes the same run when the declaration expects the exception', () => {
    const stderr = 'Exception in thread A:\nRangeError: bad scale\n';
    expect(checkRun({ outcome: exits, expectsException: true }, run({ stderr }))).toEqual({
      ok: true,
      outcome: 'exits',
    });
  });

  it('fails a blocks run whose thread raised, and passes a fails run whose error is the lesson', () => {
    const stderr = 'Unhandled exception in thread started by countdown:\nError: boom\n';
    expect(checkRun({ outcome: { kind: 'blocks' } }, run({ timedOut: true, stderr })).ok).toBe(
      false,
    );
    const failing = run({ exitCode: 1, stderr: 'Error: EMFILE\n    at open (node:fs:1:1)\n' });
    expect(checkRun({ outcome: { kind: 'fails', error: 'EMFILE' } }, failing).ok).toBe(true);
  });

  it('checks every declared output, string or regular expression, in stdout or else in stderr', () => {
    const example = { outcome: exits, output: ['Done', /^Took: \d+\.\d{4} seconds\.$/m] };
    expect(checkRun(example, run({ stdout: 'Done\nTook: 1.2345 seconds.\n' })).ok).toBe(true);
    // Python's unittest reports on stderr: found there, it counts.
    expect(checkRun(example, run({ stdout: 'Took: 1.2345 seconds.\n', stderr: 'Done' })).ok).toBe(
      true,
    );
    expect(checkRun(example, run({ stdout: 'Took: 1.2345 seconds.\n', stderr: 'Don' }))).toEqual({
      ok: false,
      outcome: 'exits, but printed no "Done"',
      missing: 'printed no "Done"',
    });
    // Each stream on its own: a line split across the two is not found.
    expect(
      checkRun(example, run({ stdout: 'Done\nTook: 1.2', stderr: '345 seconds.\n' })).outcome,
    ).toBe('exits, but printed no /^Took: \\d+\\.\\d{4} seconds\\.$/m');
  });

  it('fails a run that prints a forbidden output, in stdout or stderr, and names it', () => {
    const example = { outcome: exits, forbiddenOutput: ['Deadlock:', /^Took 0\.\d+/m] };
    expect(checkRun(example, run({ stdout: 'eating\n' })).ok).toBe(true);
    expect(checkRun(example, run({ stderr: 'Deadlock: A holds x\n' }))).toEqual({
      ok: false,
      outcome: 'exits, but printed "Deadlock:"',
    });
    expect(checkRun(example, run({ stdout: 'Took 0.5\n' })).outcome).toBe(
      'exits, but printed /^Took 0\\.\\d+/m',
    );
  });

  it('fails a run whose stdout fails a declared check, naming it as missing', () => {
    const above = {
      name: 'CPU above wall',
      test: (stdout: string) => /CPU 2/.test(stdout),
    };
    const example = { outcome: exits, checks: [above] };
    expect(checkRun(example, run({ stdout: 'CPU 2, wall 1' })).ok).toBe(true);
    expect(checkRun(example, run({ stdout: 'CPU 1, wall 1' }))).toEqual({
      ok: false,
      outcome: 'exits, but did not show CPU above wall',
      missing: 'did not show CPU above wall',
    });
  });

  it('judges an event check on the recorded spans of the run, naming what was seen when it fails', () => {
    const twoWorkers: EventCheck = {
      name: 'two pool workers with a task under way at once',
      events: { overlap: 'task', lanes: 2, across: 'isolates', named: /^PoolWorker-/ },
    };
    const example = { outcome: exits, checks: [twoWorkers] };
    const task = (tid: number, ts: number): Span => ({
      ph: 'X',
      cat: 'task',
      name: 'isPrime(7)',
      ts,
      dur: 10,
      pid: 1,
      tid,
    });
    // Worker threads 2 and 3 (tids 2000 and 3000), each its own isolate.
    const lanes = [2, 3].map((thread) => ({
      pid: 1,
      tid: thread * 1000,
      name: `PoolWorker-${thread - 1}`,
      process: 'MainProcess',
      isolate: `1:${thread}`,
    }));
    const traceOf = (spans: Span[]): Trace => ({
      spans,
      instants: [],
      lanes,
      end: 100,
      aggregated: 0,
    });
    const together = traceOf([task(2000, 0), task(3000, 5)]);
    const inTurn = traceOf([task(2000, 0), task(2000, 10), task(2000, 20)]);
    expect(checkRun(example, run({}), together)).toEqual({ ok: true, outcome: 'exits' });
    const missing =
      'did not show two pool workers with a task under way at once (at most 1 at once: PoolWorker-1)';
    expect(checkRun(example, run({}), inTurn)).toEqual({
      ok: false,
      outcome: `exits, but ${missing}`,
      missing,
    });
    // Not recorded, nothing shows what the run did: it does not pass.
    expect(checkRun(example, run({})).ok).toBe(false);
    // The runner records only what the checks read.
    expect(eventKinds(example.checks)).toEqual(['task']);
    expect(eventKinds([{ name: 'cycle', events: { cycle: 'lock-wait' } }])).toEqual([
      'lock-wait',
      'lock-hold',
    ]);
    expect(eventKinds([{ name: 'no', test: () => true }])).toEqual([]);
  });

  it('keeps the outcome verdict when the run already failed it', () => {
    expect(checkRun({ outcome: exits, output: ['x'] }, run({ exitCode: 3 }))).toEqual({
      ok: false,
      outcome: 'exited 3',
    });
  });
});

describe('reportedException', () => {
  it('finds Python tracebacks and JavaScript stacks on stderr, and nothing in clean output', () => {
    expect(
      reportedException(
        run({ stderr: 'Traceback (most recent call last):\n  File "x.py"\nValueError: x\n' }),
      ),
    ).toBe('Traceback (most recent call last): File "x.py"');
    expect(
      reportedException(
        run({ stderr: 'TypeError: x is not a function\n    at main (file:///a/b.js:10:5)\n' }),
      ),
    ).toBe('TypeError: x is not a function');
    expect(reportedException(run({ stdout: 'at last: 3 of 4\n', stderr: '' }))).toBeNull();
  });
});
