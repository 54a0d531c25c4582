import { captureLines, exampleRunner } from '@mc/testing';
import { describe, expect, it } from 'vitest';
import { fork, Spouse } from '../src/example8.js';

const runExample = exampleRunner(import.meta.url, { timeScale: 0.01, limitSeconds: 20 });

describe('example8.py', () => {
  it('keeps both spouses busy while neither eats, and never takes the fork', async () => {
    const { lines } = await captureLines(async () => {
      const wife = new Spouse('Wife', null);
      const husband = new Spouse('Husband', wife);
      wife.partner = husband;
      wife.start();
      husband.start();
      let forkSeenTaken = false;
      for (let turn = 0; turn < 50; turn++) {
        await new Promise((resolve) => setTimeout(resolve, 1));
        forkSeenTaken ||= fork.locked();
      }
      expect(forkSeenTaken).toBe(false);
      expect([wife.hungry, husband.hungry]).toEqual([true, true]);
      // Stopped by hand, both at once (one alone would let the other eat).
      wife.hungry = false;
      husband.hungry = false;
      await wife.join();
      await husband.join();
    });
    for (const name of ['Wife', 'Husband']) {
      const waiting = lines.filter(
        (line) => line === `${name} is waiting for their partner to eat first...`,
      );
      const hungry = lines.filter((line) => line === `${name} is hungry and wants to eat.`);
      // Busy: it went round its loop many times, and each time waited.
      expect(waiting.length).toBeGreaterThan(5);
      expect(waiting.length).toBe(hungry.length);
    }
    expect(lines.filter((line) => /eating\.|full\./.test(line))).toEqual([]);
  });

  it('livelocks until the limit stops it, with no deadlock named (nobody waits for a lock)', async () => {
    const run = await runExample('example8', { limitSeconds: 2 });
    expect(run.code).toBeNull();
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toMatch(/stared eating|now full|Finished/);
    expect(run.stdout).toContain('Wife is waiting for their partner to eat first...');
    expect(run.stdout).toContain('Husband is waiting for their partner to eat first...');
  });
});
