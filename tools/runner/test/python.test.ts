import { describe, expect, it } from 'vitest';
import {
  internetUrls,
  lastStderrLine,
  planPythonTwin,
  pythonTwinPath,
  topLevelImports,
} from '../src/python.js';
import { pythonFixturesDir } from './fixture-root.js';

describe('python twins', () => {
  it("finds a twin in the book's layout, ChapterNN/<name>.py", () => {
    expect(pythonTwinPath('/book', 'chapter03', 'my_thread')).toBe('/book/Chapter03/my_thread.py');
  });

  it('reads the top-level modules a source imports, skipping relative imports', () => {
    const source = [
      'import os, sys as system',
      'import concurrent.futures',
      'from threading import Thread',
      'from . import sibling',
      '    import requests  # inside a function',
      '# import commented',
    ].join('\n');
    expect(topLevelImports(source)).toEqual(['os', 'sys', 'concurrent', 'threading', 'requests']);
  });

  it('counts URLs to other hosts as needing the internet, but not 127.0.0.1 or localhost', () => {
    expect(internetUrls("url = 'http://httpstat.us/200'")).toEqual(['http://httpstat.us/200']);
    expect(internetUrls("u = 'http://127.0.0.1:8080/x'; v = 'http://localhost/'")).toEqual([]);
    // A credit in a comment line is not a request; the same URL in code is.
    expect(internetUrls('# Copied from: http://example.com/clock\nprint(1)')).toEqual([]);
    expect(internetUrls("get('http://example.com/x')  # fetch")).toEqual(['http://example.com/x']);
  });

  it('runs a twin whatever it imports, and skips one that would reach the internet, also through a sibling file', async () => {
    expect((await planPythonTwin(pythonFixturesDir, 'chapter01', 'quick')).kind).toBe('run');
    expect((await planPythonTwin(pythonFixturesDir, 'chapter01', 'eager')).kind).toBe('run');
    expect(await planPythonTwin(pythonFixturesDir, 'chapter01', 'failing')).toMatchObject({
      kind: 'skip',
      reason: 'needs the internet (http://example.org/data)',
    });
    expect(await planPythonTwin(pythonFixturesDir, 'chapter01', 'hang')).toMatchObject({
      kind: 'skip',
      reason: 'needs the internet (http://example.com/)',
    });
    expect((await planPythonTwin(pythonFixturesDir, 'chapter01', 'spawner')).kind).toBe('absent');
  });

  it("names a failed twin's error by the last line of its stderr", () => {
    const traceback = [
      'Traceback (most recent call last):',
      '  File "x.py", line 1, in <module>',
      "ModuleNotFoundError: No module named 'numpy'",
      '',
    ].join('\n');
    expect(lastStderrLine(traceback)).toBe("ModuleNotFoundError: No module named 'numpy'");
    expect(lastStderrLine('')).toBeNull();
  });
});
