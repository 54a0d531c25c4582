import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const fixture = fileURLToPath(new URL('./fixtures/interrupted.mjs', import.meta.url));

interface Ended {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
}

/**
 * Runs the fixture and sends it `signals`: the first the moment a line ends with `ready...`, each
 * next one the moment the line printed by the previous signal's handling (`after`) appears.
 */
function run(scenario: string, signals: NodeJS.Signals[], after?: string): Promise<Ended> {
  const child = spawn(process.execPath, [fixture, scenario], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  const pending = [...signals];
  const send = () => {
    const signal = pending.shift();
    if (signal) child.kill(signal);
  };
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const before = stdout;
    stdout += chunk;
    if (!before.includes('ready') && stdout.includes('ready')) send();
    if (after && !before.includes(after) && stdout.includes(after)) send();
  });
  // A fixture that the signals fail to stop would hang the test: the 60 s timeout names it.
  return new Promise((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal, stdout })),
  );
}

describe('interrupted()', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    'resolves with the first %s: the program cleans up and exits 0 by itself',
    async (signal) => {
      const ended = await run('quick', [signal]);
      expect(ended).toEqual({
        code: 0,
        signal: null,
        stdout: `ready\nstopping on ${signal}\nstopped\n`,
      });
    },
  );

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('ends a slow cleanup at once on a second signal (%s: %i)', async (second, status) => {
    const ended = await run('slow', ['SIGINT', second], 'cleaning up');
    expect(ended).toEqual({
      code: status,
      signal: null,
      stdout: 'ready\nstopping on SIGINT\ncleaning up\n',
    });
  });

  it('is never killed by a signal sent the moment it says it is ready (10 starts, SIGINT and SIGTERM in turn)', async () => {
    const runs = await Promise.all(
      Array.from({ length: 10 }, (_, start) => run('quick', [start % 2 ? 'SIGTERM' : 'SIGINT'])),
    );
    for (const ended of runs) {
      expect(ended.signal).toBeNull();
      expect(ended.code).toBe(0);
      expect(ended.stdout).toMatch(/stopped\n$/);
    }
  });
});

describe('interruptible()', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    'rejects with a KeyboardInterrupt carrying the %s',
    async (signal) => {
      const ended = await run('interruptible', [signal]);
      expect(ended).toEqual({
        code: 0,
        signal: null,
        stdout: `ready, one promise for every call: true\ntrue KeyboardInterrupt ${signal}\nstopped\n`,
      });
    },
  );
});
