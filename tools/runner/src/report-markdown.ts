import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { amdahlSpeedup } from './amdahl.js';
import { renderSvgChart } from './chart-svg.js';
import { millis, overheadText, ratio, seconds } from './format.js';
import type { RunReport } from './report-row.js';
import { summaryLine, tableCells } from './table.js';

/** Escapes a table cell's pipes. */
const cell = (text: string): string => text.replaceAll('|', '\\|');

/** Renders the Markdown report: summary, table, overhead, Chapter 2's chart, skipped twins, warnings. */
export function renderMarkdown(report: RunReport): string {
  const { header, rows } = tableCells(report);
  const out: string[] = [
    '# Mastering Concurrency, TypeScript edition: run report',
    '',
    `Started ${report.startedAt}. ${summaryLine(report)}.`,
    '',
    `| ${header.join(' | ')} |`,
    `| ${header.map((title) => (/s$|wall$|node$/.test(title) ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
    '',
    "CPU s is the user + system CPU time of the example's whole process tree; CPU/wall above 1 means",
    'work ran in parallel (worker threads, child processes), near 0 means the example mostly waited.',
    '',
  ];
  if (report.overhead) {
    const o = report.overhead;
    out.push(
      `Runner overhead: ${overheadText(o.overheadSeconds)} per example run (an empty node program takes ${millis(o.runnerSeconds)} through the runner, ${millis(o.nodeSeconds)} spawned directly; median of ${o.samples}).`,
      '',
    );
  }
  for (const row of report.rows) {
    const analysis = row.amdahl;
    if (!analysis) continue;
    out.push(
      `## ${row.chapter}/${row.example}: speedup against workers`,
      '',
      `Fitted parallel fraction p = ${analysis.parallelFraction.toFixed(3)} (from Took), ${analysis.subParallelFraction.toFixed(3)} (from Sub took). Amdahl's bound at N workers: 1 / ((1 - p) + p / N).`,
      '',
      renderSvgChart(analysis),
      '',
      '| workers | Took s | speedup | Amdahl bound | Sub took s | Sub speedup |',
      '| ---: | ---: | ---: | ---: | ---: | ---: |',
      ...analysis.timings.map((timing) => {
        const speedup = analysis.speedup.find((point) => point.workers === timing.workers)?.speedup;
        const sub = analysis.subSpeedup.find((point) => point.workers === timing.workers)?.speedup;
        return `| ${timing.workers} | ${timing.tookSeconds.toFixed(4)} | ${ratio(speedup)} | ${ratio(amdahlSpeedup(analysis.parallelFraction, timing.workers))} | ${timing.subTookSeconds.toFixed(4)} | ${ratio(sub)} |`;
      }),
      '',
    );
  }
  const skipped = report.rows.filter((row) => row.python?.status === 'skipped');
  if (skipped.length > 0) {
    out.push('## Python twins skipped', '');
    for (const row of skipped) out.push(`- ${row.chapter}/${row.example}: ${row.python?.reason}`);
    out.push('');
  }
  if (report.warnings.length > 0) {
    out.push('## Warnings', '', ...report.warnings.map((warning) => `- ${warning}`), '');
  }
  out.push(
    `Wall s, CPU s: median per example; limits follow the rule in tools/runner/README.md. Total ${seconds(report.totalSeconds)} s.`,
    '',
  );
  return out.join('\n');
}

/** Writes the Markdown report to `file`, creating its folder. */
export async function writeMarkdownReport(file: string, report: RunReport): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, renderMarkdown(report));
}
