import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDescriptorCount } from '@mc/core/resource';
import { exampleRunner, packageDirOf } from '@mc/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { openThenClose, openWithoutClosing, openWithUsing, outputDir } from '../src/example1.js';
import { BOOK_TOO_MANY_FILES, lessonLimit, MOST_FILES, openFilesLimit } from '../src/ulimit.js';

const packageDir = packageDirOf(import.meta.url);
const runExample = exampleRunner(import.meta.url, { timeScale: 0.01 });

const srcFiles = () => readdirSync(join(packageDir, 'src')).sort();
const srcBefore = srcFiles();
const scratch = mkdtempSync(join(tmpdir(), 'chapter04-example1-'));

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  rmSync(outputDir, { recursive: true, force: true });
});

/** What methods 2 (close by hand) and 3 (`using`) print: each holds one file at a time. */
const closedLines = (nFiles: number) =>
  `Method 2 (close): ${nFiles} files written, at most 1 open at once.\n` +
  `Method 3 (using): ${nFiles} files written, at most 1 open at once.\n`;

/** The one-line EMFILE report: errno, the file that failed, the count held and the limit. */
const report =
  /^EMFILE: too many open files, open 'output1\/sample(\d+)\.txt' \(method 1 held (\d+) files open; ulimit -n is (\d+)\)$/;

describe('example1.py', () => {
  // This one exhausts the test process's own descriptors, which Node cannot lower: where its limit is
  // too high to reach (a container's 1,048,576), the program runs below lower it in a child instead.
  it.skipIf((openFilesLimit() ?? 0) > MOST_FILES)(
    'exhausts the descriptors for real: at EMFILE not even one more file can be opened',
    () => {
      const limit = openFilesLimit();
      expect(limit).toBeGreaterThan(0);
      const { files, error } = openWithoutClosing((limit as number) + 1, scratch);
      // Checked before anything closes: every descriptor of this process is taken.
      let another: unknown;
      try {
        closeSync(openSync('/dev/null', 'r'));
      } catch (failure) {
        another = failure;
      }
      for (const file of files) file.close();
      expect(error?.code).toBe('EMFILE');
      expect((another as NodeJS.ErrnoException | undefined)?.code).toBe('EMFILE');
      // The process held a few descriptors before (stdio, the event loop, vitest): the rest are files.
      expect(files.length).toBeGreaterThan((limit as number) - 100);
      expect(files.length).toBeLessThan(limit as number);
    },
  );

  it('reports EMFILE in one line without a stack trace, exits 1, and still writes every file closing each', async () => {
    const run = await runExample('example1');
    expect(run.code).toBe(1);
    const errorLines = run.stderr.trimEnd().split('\n');
    expect(errorLines).toHaveLength(1);
    const [, failed, held, limit] = (errorLines[0] ?? '').match(report) ?? [];
    expect(Number(limit)).toBe(lessonLimit(openFilesLimit()));
    expect(Number(failed)).toBe(Number(held));
    expect(Number(held)).toBeGreaterThan(Number(limit) - 100);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    const nFiles = Number(limit) + 1;
    expect(run.stdout).toBe(closedLines(nFiles));
    expect(readdirSync(join(outputDir, 'output1'))).toHaveLength(nFiles);
  });

  it('never holds more than one file open closing each: 1000 files pass under ulimit -n 256', async () => {
    const run = await runExample('example1', { args: ['--ulimit', '256', '--files', '1000'] });
    expect(run.code).toBe(1);
    const [, , held, limit] = run.stderr.trimEnd().match(report) ?? [];
    expect(limit).toBe('256');
    expect(Number(held)).toBeLessThan(256);
    // Method 1 could not hold 256 files; methods 2 and 3 went through 1000, closing each in turn.
    expect(run.stdout).toBe(closedLines(1000));
  });

  it("runs into the soft limit where it is reachable, and into the book's 10000 above 100,000", () => {
    expect(lessonLimit(20_000)).toBe(20_000);
    expect(lessonLimit(MOST_FILES)).toBe(MOST_FILES);
    expect(lessonLimit(1_048_576)).toBe(BOOK_TOO_MANY_FILES);
    expect(lessonLimit(undefined)).toBeUndefined();
  });

  it("lowers a soft limit too high to reach to the book's 10000 before leaking, so the lesson holds", (context) => {
    // A container's limit, where this machine lets the test raise it (as root); elsewhere skipped.
    const raised = 200_000;
    if (spawnSync('bash', ['-c', `ulimit -n ${raised}`]).status !== 0) context.skip();
    const run = spawnSync(
      'bash',
      ['-c', `ulimit -n ${raised} && exec "$0" dist/example1.js`, process.execPath],
      { cwd: packageDir, encoding: 'utf8', timeout: 100_000 },
    );
    expect(run.status).toBe(1);
    const [, , held, limit] = run.stderr.trimEnd().match(report) ?? [];
    expect(Number(limit)).toBe(BOOK_TOO_MANY_FILES);
    expect(Number(held)).toBeGreaterThan(BOOK_TOO_MANY_FILES - 100);
    expect(run.stdout).toBe(closedLines(BOOK_TOO_MANY_FILES + 1));
  });

  it('counts at most one descriptor open at a time in the close() loop and the using loop', () => {
    const before = openDescriptorCount();
    expect(openThenClose(50, scratch)).toBe(1);
    expect(openDescriptorCount()).toBe(before);
    expect(openWithUsing(50, scratch)).toBe(1);
    expect(openDescriptorCount()).toBe(before);
  });

  it('exits 0 at the book first count of 254 files, which fits under the limit', async () => {
    const run = await runExample('example1', { args: ['--files', '254'] });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
  });

  it('writes its files under output/, never under src/', () => {
    expect(outputDir).toBe(join(packageDir, 'output/'));
    expect(srcFiles()).toEqual(srcBefore);
    expect(srcFiles().every((file) => file.endsWith('.ts'))).toBe(true);
  });
});
