#!/usr/bin/env node
// Adds up the vitest summaries of a `pnpm test` log (one `Tests  N passed | M skipped (T)` line per
// package) and prints them as one plain line, `tests: N passed, N failed, N skipped`, so that a
// reader of CI's output (or a tool that only knows that line) sees the total without reading every
// package's report. Above it, one line for each failed test (`failed: PACKAGE FILE > NAME: ERROR`),
// so that the end of a long log, which may be all a reader gets, names what failed.
// Usage: node tools/ci/test-summary.mjs LOG
import { readFileSync } from 'node:fs';

const [log] = process.argv.slice(2);
if (log === undefined) {
  console.error('test-summary: usage: node tools/ci/test-summary.mjs LOG');
  process.exit(2);
}
let text;
try {
  text = readFileSync(log, 'utf8');
} catch (error) {
  console.error(`test-summary: cannot read ${log}: ${error.code ?? error.message}`);
  process.exit(1);
}
const totals = { passed: 0, failed: 0, skipped: 0 };
// biome-ignore lint/suspicious/noControlCharactersInRegex: the colour codes vitest writes
const colour = /\u001b\[[0-9;]*m/g;
const failures = [];
const lines = text.replace(colour, '').split('\n');
for (const [index, line] of lines.entries()) {
  // vitest names each failed test once more after the run: ` FAIL  test/a.test.ts > suite > name`,
  // its error on the next line that is not blank; turbo prefixes every line with `package:test: `.
  const failed = /^(?:(\S+):test:)?\s+FAIL\s+(\S.*)$/.exec(line);
  if (failed !== null) {
    const [, pkg = '', name] = failed;
    const error = lines
      .slice(index + 1, index + 4)
      .map((next) => next.replace(/^\S+:test:/, '').trim())
      .find((next) => next !== '');
    failures.push(`failed: ${pkg ? `${pkg} ` : ''}${name}${error ? `: ${error}` : ''}`);
  }
  if (!/^(?:\S+:test:)?\s+Tests\s+\d/.test(line)) continue;
  for (const [, count, kind] of line.matchAll(/(\d+) (passed|failed|skipped)/g)) {
    totals[kind] += Number(count);
  }
}
for (const failure of failures) console.log(failure);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
