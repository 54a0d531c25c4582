import { dirname, relative, resolve } from 'node:path';
import { amdahlSpeedup, type SeriesSpeedup, type SpeedupReport } from './amdahl.js';
import { renderSvgChart } from './chart-svg.js';
import { renderTimesSvgChart } from './chart-times.js';
import { comparisonCells, comparisonHeader } from './comparison.js';
import { millis, overheadText, ratio, seconds } from './format.js';
import { defaultReportsDir, repoRoot } from './paths.js';
import type { ReportRow, RunReport } from './report-row.js';
import { runtimeText } from './runtime.js';
import { summaryLine, tableCells } from './table.js';
import { allSeries, type TimesReport } from './times-analysis.js';
import { writeReportFile } from './write-report.js';

/** Escapes a table cell's pipes. */
const cell = (text: string): string => text.replaceAll('|', '\\|');

/** A declared speedup chart: the fitted fractions, the SVG, and a table of every series. */
function speedupSection(report: SpeedupReport): string[] {
  const drawn = report.series[0];
  if (!drawn) return [];
  const fits = report.series
    .map((series) => `${series.parallelFraction.toFixed(3)} (from ${series.label})`)
    .join(', ');
  const workerCounts = [
    ...new Set(report.series.flatMap((series) => series.times.map((time) => time.workers))),
  ].sort((a, b) => a - b);
  const cellsOf = (series: SeriesSpeedup, workers: number): string[] => [
    series.times.find((time) => time.workers === workers)?.seconds.toFixed(4) ?? '-',
    ratio(series.speedup.find((point) => point.workers === workers)?.speedup),
  ];
  return [
    `## ${report.title}`,
    '',
    `Fitted parallel fraction p = ${fits}. Amdahl's bound at N workers: 1 / ((1 - p) + p / N).`,
    '',
    renderSvgChart(report),
    '',
    `| workers | ${report.series.map((s) => `${s.label} s | ${s.label} speedup`).join(' | ')} | Amdahl bound (${drawn.label}) |`,
    `| ---: | ${report.series.map(() => '---: | ---:').join(' | ')} | ---: |`,
    ...workerCounts.map(
      (workers) =>
        `| ${workers} | ${report.series.flatMap((series) => cellsOf(series, workers)).join(' | ')} | ${ratio(amdahlSpeedup(drawn.parallelFraction, workers))} |`,
    ),
  ];
}

/** A declared times chart: the SVG, then a table of every series' seconds by thread count. */
export function timesSection(report: TimesReport): string[] {
  const series = allSeries(report);
  const counts = [...new Set(series.flatMap((one) => one.times.map((time) => time.workers)))].sort(
    (a, b) => a - b,
  );
  return [
    `## ${report.title}`,
    '',
    renderTimesSvgChart(report),
    '',
    `| threads | ${series.map((one) => `${cell(one.label)} s`).join(' | ')} |`,
    `| ---: | ${series.map(() => '---:').join(' | ')} |`,
    ...counts.map(
      (count) =>
        `| ${count} | ${series.map((one) => one.times.find((time) => time.workers === count)?.seconds.toFixed(2) ?? '-').join(' | ')} |`,
    ),
  ];
}

/** Renders the Markdown report: summary, table, overhead, declared charts, Python twins, warnings. */
export function renderMarkdown(report: RunReport, linkBase: string = defaultReportsDir): string {
  const { header, rows } = tableCells(report);
  const out: string[] = [
    '# Mastering Concurrency, TypeScript edition: run report',
    '',
    `Started ${report.startedAt}${report.runtime ? ` on ${runtimeText(report.runtime)}` : ''}. ${summaryLine(report)}.`,
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
    if (row.analysis?.kind === 'speedup') out.push(...speedupSection(row.analysis), '');
    if (row.analysis?.kind === 'times') out.push(...timesSection(row.analysis), '');
  }
  for (const comparison of report.comparisons ?? []) {
    const header = comparisonHeader(comparison);
    out.push(
      `## ${comparison.title}`,
      '',
      `| ${header.join(' | ')} |`,
      `| --- | ${header
        .slice(1)
        .map(() => '---:')
        .join(' | ')} |`,
      ...comparisonCells(comparison).map((cells) => `| ${cells.join(' | ')} |`),
      '',
    );
  }
  const traced = report.rows.filter((row) => row.trace);
  if (traced.length > 0) {
    out.push(
      '## Timelines',
      '',
      'Each run traced with `--trace`: the SVG draws it, the JSON opens in Perfetto (ui.perfetto.dev) or chrome://tracing.',
      '',
    );
    for (const row of traced) {
      const trace = row.trace as NonNullable<ReportRow['trace']>;
      const name = `${row.chapter}/${[row.example, ...(row.args ?? [])].join(' ')}`;
      const link = (file: string) => relative(linkBase, resolve(repoRoot, file));
      out.push(
        `### ${name}`,
        '',
        `![timeline of ${name}](${link(trace.svg)})`,
        '',
        `[trace JSON](${link(trace.json)}): ${trace.lanes} lanes, ${trace.spans} spans.`,
        ...trace.checks.map((c) => `- ${c.ok ? '✓' : '✗'} ${c.check}: ${c.seen}`),
        '',
      );
    }
  }
  if (report.python) {
    out.push(
      '## Python twins',
      '',
      `Run with \`${report.python.bin}\` (${report.python.version}), for information: their outcome does not change the exit status.`,
      '',
    );
    for (const row of report.rows) {
      const twin = row.python;
      const name = `${row.chapter}/${[row.example, ...(row.args ?? [])].join(' ')}`;
      if (twin?.status === 'skipped') out.push(`- ${name}: skipped, ${twin.reason}`);
      else if (twin?.failure) out.push(`- ${name}: ${twin.outcome} (${twin.failure})`);
    }
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
  await writeReportFile(file, renderMarkdown(report, dirname(file)));
}
