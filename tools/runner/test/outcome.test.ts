import { describe, expect, it } from 'vitest';
import { checkOutcome, describeOutcome } from '../src/outcome.js';
import type { RunResult } from '../src/run-example.js';

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
