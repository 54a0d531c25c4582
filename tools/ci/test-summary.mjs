#!/usr/bin/env node
// Adds up the vitest summaries of a `pnpm test` log (one `Tests  N passed | M skipped (T)` line per
// package) and prints them as one plain line, `tests: N passed, N failed, N skipped`, so that a
// reader of CI's output (or a tool that only knows that line) sees the total without reading every
// package's report. Usage: node tools/ci/test-summary.mjs LOG
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
for (const line of text.replace(colour, '').split('\n')) {
  if (!/^(?:\S+:test:)?\s+Tests\s+\d/.test(line)) continue;
  for (const [, count, kind] of line.matchAll(/(\d+) (passed|failed|skipped)/g)) {
    totals[kind] += Number(count);
  }
}
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
