import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { captureLines } from '@mc/testing';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadPage, PAGE_FILE } from '../src/example1.js';
import { runExample, useStatusServer } from './helpers.js';

describe('example1.py', () => {
  let folder: string;

  const server = useStatusServer(0.05);

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'chapter05-'));
  });

  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('prints the status, the headers as a mapping, then Done., and saves the body', async () => {
    const file = join(folder, 'google.html');
    const { lines } = await captureLines(() => downloadPage(`${server().url}/`, file));

    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('200');
    expect(lines[1]).toMatch(
      /^\{'content-type': 'text\/html; charset=utf-8', .*'content-length': '\d+'/,
    );
    expect(lines[2]).toBe('Done.');
    const served = await (await request(`${server().url}/`)).body.text();
    expect(await readFile(file, 'utf8')).toBe(served);
  });

  it('writes its page to the git-ignored output folder, never beside the source', async () => {
    expect(PAGE_FILE.endsWith(`${sep}chapter05${sep}output${sep}google.html`)).toBe(true);

    const run = await runExample('example1', { timeScale: 0.05 });

    expect(run.code).toBe(0);
    expect(run.lines.at(-1)).toBe('Done.');
    expect((await stat(PAGE_FILE)).size).toBeGreaterThan(1000);
  });
});
