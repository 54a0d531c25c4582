import { describe, expect, it } from 'vitest';
import { localUrl } from '../src/index.js';
import { readTarget, redirectLocation } from '../src/routing.js';

describe('routing', () => {
  it('maps a book URL to a path of the local server, keeping host, path and query', () => {
    const base = 'http://127.0.0.1:4000';
    expect(localUrl(base, 'http://python.org')).toBe(`${base}/python.org/`);
    expect(localUrl(base, 'http://docs.python.org/3/library/asyncio')).toBe(
      `${base}/docs.python.org/3/library/asyncio`,
    );
    expect(localUrl(base, 'HTTP://Google.COM:80/?q=1')).toBe(`${base}/google.com/?q=1`);
    expect(() => localUrl(base, 'ftp://python.org')).toThrow(TypeError);
    expect(() => localUrl(base, 'python.org')).toThrow(TypeError);
  });

  it('reads both request forms, and redirects in the form asked', () => {
    expect(readTarget('/www.python.org/?x=1')).toEqual({ key: 'www.python.org/', proxied: false });
    expect(readTarget('http://python.org/')).toEqual({ key: 'python.org/', proxied: true });
    expect(redirectLocation('www.python.org/', false)).toBe('/www.python.org/');
    expect(redirectLocation('www.python.org/', true)).toBe('http://www.python.org/');
  });
});
