import { bookSite } from '@mc/pages-server';
import { packageDirOf, runExample } from '@mc/testing';
import { describe, expect, it } from 'vitest';

const packageDir = packageDirOf(import.meta.url);

describe('example4.py', () => {
  it("prints packtpub.com's 403 page as served, CRLF kept, then a newline, and exits 0", async () => {
    const run = await runExample(packageDir, 'example4', {
      timeScale: 0.01,
      env: { BOOK_ONLINE: undefined },
    });
    const page = bookSite('http://packtpub.com')?.body;

    expect(page?.length).toBe(168);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${page?.toString('utf8')}\n`);
    expect(run.stdout).toContain('<head><title>403 Forbidden</title></head>\r\n');
    expect(run.stderr).toBe('');
  });
});
