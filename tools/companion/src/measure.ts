#!/usr/bin/env node
// `node tools/companion/dist/measure.js`: the companion's limits, measured (a benchmark, not a
// test): each chapter page's render time from a running server (after one warm-up request a
// page), each page's weight without timelines, and the time to write the static site of all
// chapters. Prints one line per figure.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { declarations } from './book.js';
import { startCompanion } from './server.js';
import { writeSite } from './site.js';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

const out = mkdtempSync(join(tmpdir(), 'companion-measure-'));
const siteStart = performance.now();
const written = await writeSite({ root }, out);
const siteSeconds = (performance.now() - siteStart) / 1000;
rmSync(out, { recursive: true, force: true });
process.stdout.write(
  `static site: ${written.length} pages written in ${siteSeconds.toFixed(1)} s (a cold process: shiki loads and highlights every file)\n`,
);

const companion = await startCompanion({ root, port: 0 });
try {
  const rows: { chapter: string; ms: number; kb: number }[] = [];
  for (const { name } of await declarations(root)) {
    const url = `${companion.url}${name}.html`;
    await (await fetch(url)).text();
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      bytes = (await (await fetch(url)).arrayBuffer()).byteLength;
      times.push(performance.now() - started);
    }
    rows.push({ chapter: name, ms: median(times), kb: bytes / 1024 });
  }
  for (const row of rows) {
    process.stdout.write(
      `${row.chapter}: ${row.ms.toFixed(0)} ms (median of 5), ${row.kb.toFixed(0)} KB\n`,
    );
  }
  const slowest = rows.reduce((a, b) => (b.ms > a.ms ? b : a));
  const heaviest = rows.reduce((a, b) => (b.kb > a.kb ? b : a));
  process.stdout.write(
    `slowest page ${slowest.chapter} ${slowest.ms.toFixed(0)} ms (limit 200); heaviest ${heaviest.chapter} ${heaviest.kb.toFixed(0)} KB (limit 500, without timelines)\n`,
  );
} finally {
  await companion.close();
}
