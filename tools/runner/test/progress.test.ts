import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Progress } from '../src/progress.js';
import type { ReportRow } from '../src/report-row.js';

const row = (ok: boolean): ReportRow => ({
  chapter: 'chapter03',
  example: 'example4',
  bookFile: 'Chapter03/example4.py',
  section: 's',
  expected: 'exits',
  outcome: ok ? 'exits' : 'exited 1',
  ok,
  exitCode: ok ? 0 : 1,
  signal: null,
  timedOut: false,
  wallSeconds: 5.123,
  cpuSeconds: 0.2,
  cpuPerWall: 0.04,
  limitSeconds: 20,
  timeScale: 1,
  wallSamples: [5.123],
});

/** A progress writer into a buffer, as a terminal (`tty`) or not. */
function capture(tty: boolean): { progress: Progress; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  return { progress: new Progress(stream, tty), text: () => text };
}

describe('Progress', () => {
  it('writes plain runner: lines when not on a terminal', () => {
    const { progress, text } = capture(false);
    progress.start('chapter03/example4', 20);
    progress.finish(row(true));
    progress.finish(row(false));
    expect(text()).toBe(
      [
        'runner: start chapter03/example4 (limit 20 s)',
        'runner: ok chapter03/example4: exits (expected exits), wall 5.12 s, CPU 0.20 s',
        'runner: FAIL chapter03/example4: exited 1 (expected exits), wall 5.12 s, CPU 0.20 s',
        '',
      ].join('\n'),
    );
  });

  it('marks results with ✓ and ✗ on a terminal, starting a new line after unfinished example output', () => {
    const { progress, text } = capture(true);
    progress.start('chapter03/example4', 20);
    progress.output(Buffer.from('a prompt without newline'));
    progress.finish(row(true));
    progress.finish(row(false));
    const lines = text().split('\n');
    expect(lines[0]).toMatch(/▶ chapter03\/example4 \(limit 20 s\)/);
    expect(lines[1]).toBe('');
    expect(lines[2]).toMatch(/✓ chapter03\/example4: exits/);
    expect(lines[3]).toMatch(/✗ chapter03\/example4: exited 1/);
  });
});
