import { afterEach, describe, expect, it } from 'vitest';
import { ONLINE_VARIABLE, onlineFromEnvironment, openPages } from '../src/index.js';

afterEach(() => {
  delete process.env[ONLINE_VARIABLE];
});

describe('openPages', () => {
  it('offline by default: book URLs go to an embedded server on 127.0.0.1', async () => {
    await using pages = await openPages({ timeScale: 0 });
    expect(pages.online).toBe(false);
    const url = pages.resolve('http://python.org');
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/python\.org\/$/);
    expect((await fetch(url)).status).toBe(200);
  });

  it('online only when asked: the book URL itself, and no server started', async () => {
    await using pages = await openPages({ online: true });
    expect(pages.resolve('http://python.org')).toBe('http://python.org');
    process.env[ONLINE_VARIABLE] = '1';
    await using fromEnvironment = await openPages();
    expect(fromEnvironment.online).toBe(true);
  });

  it('reads BOOK_ONLINE strictly: 1 or 0, anything else is a usage error', () => {
    expect(onlineFromEnvironment()).toBe(false);
    process.env[ONLINE_VARIABLE] = '0';
    expect(onlineFromEnvironment()).toBe(false);
    process.env[ONLINE_VARIABLE] = 'yes';
    expect(() => onlineFromEnvironment()).toThrow(/BOOK_ONLINE must be 1 .* or 0 .*, got "yes"/);
  });
});
