import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { processExists } from '../src/index.js';

describe('processExists', () => {
  it('is true for a running process and false once it has exited', async () => {
    expect(processExists(process.pid)).toBe(true);
    const child = spawn(process.execPath, ['-e', '']);
    await once(child, 'exit');
    expect(processExists(child.pid as number)).toBe(false);
  });
});
