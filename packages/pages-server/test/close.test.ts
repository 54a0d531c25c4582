import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { startPagesServer } from '../src/index.js';

describe('close', () => {
  it('drops requests still waiting and leaves nothing that keeps the process alive', async () => {
    const script = fileURLToPath(new URL('fixtures/close-while-waiting.mjs', import.meta.url));
    // Were a timer or socket left, the script would wait the whole minute and be killed at 15 s.
    const { stdout } = await promisify(execFile)(process.execPath, [script], { timeout: 15_000 });
    expect(stdout.trim()).toMatch(/^closed; the waiting client saw: (UND_ERR_SOCKET|ECONNRESET)$/);
  });

  it('stops at the end of an await using block, and close() twice is one close', async () => {
    let url = '';
    {
      await using pages = await startPagesServer({ timeScale: 0 });
      url = pages.resolve('http://python.org');
      expect(pages.close()).toBe(pages.close());
    }
    await expect(fetch(url)).rejects.toThrow();
  });

  it('refuses a bad port or time scale', async () => {
    await expect(startPagesServer({ port: 70_000 })).rejects.toThrow(RangeError);
    await expect(startPagesServer({ timeScale: -1 })).rejects.toThrow(RangeError);
  });
});
