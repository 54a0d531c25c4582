import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Lock } from '@mc/core/threading';
import { sleep } from '@mc/core/time';
import { exampleRunner } from '@mc/testing';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDataFromFileV1, getDataFromFileV2 } from '../src/example2.js';

const runExample = exampleRunner(import.meta.url, { timeScale: 0.01 });

const missing = join(import.meta.dirname, 'no-such-folder', 'sample0.txt');
const scratch = mkdtempSync(join(tmpdir(), 'chapter04-example2-'));
const present = join(scratch, 'sample0.txt');
writeFileSync(present, 'sample\n');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('example2.py', () => {
  beforeEach(() => {
    vi.stubEnv('BOOK_TIME_SCALE', '0.01');
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('leaves the lock held after v1 fails, so the next acquire really blocks', async () => {
    const myLock = new Lock();
    await expect(getDataFromFileV1(myLock, missing, [])).rejects.toMatchObject({ code: 'ENOENT' });
    expect(myLock.locked()).toBe(true);
    expect(await myLock.acquire({ timeout: 2 })).toBe(false);

    let acquired = false;
    const plain = myLock.acquire().then(() => {
      acquired = true;
    });
    await sleep(2);
    expect(acquired).toBe(false);
    // Only the lock held it back: released, the waiting acquire goes through.
    myLock.release();
    await plain;
    expect(acquired).toBe(true);
  });

  it('releases the lock when v2 fails, as with releases it', async () => {
    const myLock = new Lock();
    await expect(getDataFromFileV2(myLock, missing, [])).rejects.toMatchObject({ code: 'ENOENT' });
    expect(myLock.locked()).toBe(false);
  });

  it('reads the file and releases the lock in both versions when the file exists', async () => {
    const myLock = new Lock();
    const data: string[] = [];
    await getDataFromFileV1(myLock, present, data);
    await getDataFromFileV2(myLock, present, data);
    expect(data).toEqual(['sample\n', 'sample\n']);
    expect(myLock.locked()).toBe(false);
  });

  it('reports the deadlock in one line and exits 1 instead of hanging', async () => {
    const run = await runExample('example2', { limitSeconds: 10 });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('File could not be found...\n');
    expect(run.stderr).toBe(
      'DeadlockDetected: the lock is still held after 2 s: get_data_from_file_v1 never released it\n',
    );
  });

  it('prints exactly File could not be found... then Lock can still be acquired. when guarded', async () => {
    const run = await runExample('example2', { args: ['--guarded'], limitSeconds: 10 });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('File could not be found...\nLock can still be acquired.\n');
    expect(run.stderr).toBe('');
  });

  it('with the unbounded acquire, blocks for ever as Python does, and names the deadlock', async () => {
    const run = await runExample('example2', { args: ['--unbounded'], limitSeconds: 4 });
    // Killed at the limit (code null): the blocked acquire kept the process alive.
    expect(run.code).toBeNull();
    expect(run.stdout).toBe('File could not be found...\n');
    expect(run.stderr).toBe('Deadlock: MainThread holds my_lock and waits for my_lock\n');
  });

  it('with the unbounded acquire and the guarded version, reaches the last line', async () => {
    const run = await runExample('example2', {
      args: ['--unbounded', '--guarded'],
      limitSeconds: 10,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('File could not be found...\nLock can still be acquired.\n');
  });
});
