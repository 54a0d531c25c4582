#!/usr/bin/env node
/**
 * The runner's command line: `node tools/runner/dist/cli.js [chapterNN[/exampleK] | exampleK ...]
 * [options]`. Runs, times and checks the selected examples and writes the reports.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { numberOption, parseOptions, runMain, timeScale, UsageError, wholeNumber } from '@mc/core';
import pc from 'picocolors';
import { loadBookFigures } from './book-figures.js';
import { renderTerminalChart } from './chart-terminal.js';
import { renderTimesTerminalChart } from './chart-times.js';
import {
  type ComparisonReport,
  compareExamples,
  comparisonCells,
  comparisonHeader,
} from './comparison.js';
import { discoverChapters } from './discover.js';
import { killGroup } from './kill-tree.js';
import { measureOverhead } from './overhead.js';
import { defaultChaptersRoot, defaultReportsDir } from './paths.js';
import { Progress } from './progress.js';
import { pythonVersion } from './python.js';
import { writeJsonReport } from './report-json.js';
import { writeMarkdownReport } from './report-markdown.js';
import type { RunReport } from './report-row.js';
import { runSelection } from './run-all.js';
import { liveGroups } from './run-example.js';
import { currentRuntime } from './runtime.js';
import { chaptersNamedIn, SelectionError, selectExamples } from './selection.js';
import { renderTerminalTable } from './table.js';

/** The documented options, as the one-line error names them. */
const VALID_OPTIONS =
  '--time-scale N, --repeat N, --timeout S, --trace, --calibrate, --python DIR, --python-bin FILE, --json FILE, --markdown FILE, --help';

const USAGE = `Usage: pnpm start [selection...] [options]
       node tools/runner/dist/cli.js [selection...] [options]

Runs every declared example of the book (or the selection) as its own process, checks each
against its declared outcome, times it (wall and CPU of the whole process tree) and writes
reports/latest.json and reports/latest.md at the repository root.

Selection (in any mix; none means every chapter):
  chapter03               every example of Chapter 3
  chapter03/example4      one example
  chapter03 example4 ...  bare names after a chapter pick examples of that chapter

Options:
  --time-scale N   set BOOK_TIME_SCALE=N for the examples (0.01: sleeps 100 times shorter)
  --repeat N       run each example N times and report the median (default 1)
  --timeout S      limit every example to S seconds (default: each one's declared limit)
  --trace          record each example's threads, tasks, processes and workers into
                   reports/traces/<chapter>-<example>.json (Perfetto) and .svg, and judge
                   the checks its declaration makes on them
  --calibrate      first measure the runner's own overhead per example (16 node starts)
  --python DIR     also run each Python twin DIR/ChapterNN/<name>.py (offline ones)
  --python-bin F   the interpreter for the twins (default python3, as found on PATH)
  --json FILE      write the JSON report to FILE (default reports/latest.json)
  --markdown FILE  write the Markdown report to FILE (default reports/latest.md)
  --help           show this help

Exit status: 0 every outcome matched, 1 some did not, 2 bad arguments, 130 interrupted.`;

/** Reads the command line into options and positionals, or throws a one-line `UsageError`. */
function parseCommandLine(argv: readonly string[]) {
  const { values, positionals } = parseOptions(
    {
      args: [...argv],
      allowPositionals: true,
      options: {
        'time-scale': { type: 'string' },
        repeat: { type: 'string' },
        timeout: { type: 'string' },
        calibrate: { type: 'boolean' },
        trace: { type: 'boolean' },
        python: { type: 'string' },
        'python-bin': { type: 'string' },
        json: { type: 'string' },
        markdown: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        // Undocumented, for the runner's own tests: the folder holding chapterNN packages.
        root: { type: 'string' },
      },
    },
    `valid options: ${VALID_OPTIONS}`,
  );
  const timeScale = numberOption('time-scale', values['time-scale'], {
    what: 'a non-negative number',
    valid: (n) => Number.isFinite(n) && n >= 0,
  });
  const repeat = numberOption('repeat', values.repeat, wholeNumber(1)) ?? 1;
  const timeout = numberOption('timeout', values.timeout, {
    what: 'a positive number of seconds',
    valid: (n) => Number.isFinite(n) && n > 0,
  });
  const pythonDir = values.python === undefined ? undefined : resolve(values.python);
  if (pythonDir !== undefined && !(existsSync(pythonDir) && statSync(pythonDir).isDirectory())) {
    throw new UsageError(
      `--python must name a folder of the book's code (ChapterNN/*.py), got '${values.python}'`,
    );
  }
  const pythonBin = values['python-bin'] ?? 'python3';
  if (pythonBin.trim() === '')
    throw new UsageError('--python-bin needs an interpreter, got an empty name');
  return {
    help: values.help === true,
    positionals,
    timeScale: timeScale ?? (values.help === true ? 1 : inheritedTimeScale()),
    setTimeScale: timeScale !== undefined,
    calibrate: values.calibrate === true,
    trace: values.trace === true,
    pythonBin,
    repeat,
    timeout,
    pythonDir,
    json: resolve(values.json ?? resolve(defaultReportsDir, 'latest.json')),
    markdown: resolve(values.markdown ?? resolve(defaultReportsDir, 'latest.md')),
    root: values.root === undefined ? defaultChaptersRoot : resolve(values.root),
  };
}

/**
 * The time scale the examples inherit when `--time-scale` is not given: BOOK_TIME_SCALE from the
 * environment, 1 when unset or blank, by core's own rule. A value the examples would refuse was
 * refused by `runMain` before the runner started, in one line with exit 2, so no run starts with it.
 */
function inheritedTimeScale(): number {
  return timeScale();
}

/** Runs the command line and returns the exit status. */
export async function main(argv: readonly string[]): Promise<number> {
  let options: ReturnType<typeof parseCommandLine>;
  try {
    options = parseCommandLine(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`runner: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  // A reader piping the output into `head` closes it early: keep running and reporting regardless.
  process.stdout.on('error', () => {});
  const progress = new Progress();
  const discovery = await discoverChapters(options.root, chaptersNamedIn(options.positionals));
  let selection: ReturnType<typeof selectExamples>;
  try {
    selection = selectExamples(options.positionals, discovery);
  } catch (error) {
    if (error instanceof SelectionError) {
      process.stderr.write(`runner: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  let python: { bin: string; version: string } | undefined;
  if (options.pythonDir !== undefined) {
    try {
      python = { bin: options.pythonBin, version: await pythonVersion(options.pythonBin) };
    } catch (error) {
      const reason = (error as Error).message.split('\n')[0];
      process.stderr.write(`runner: --python-bin '${options.pythonBin}' cannot run: ${reason}\n`);
      return 2;
    }
  }

  for (const warning of discovery.warnings) progress.note(`warning: ${warning}`);

  const controller = new AbortController();
  let interrupts = 0;
  const onInterrupt = (): void => {
    interrupts++;
    if (interrupts === 1) {
      progress.note('interrupted: stopping the running example, then writing the partial report');
      controller.abort();
      return;
    }
    for (const pgid of liveGroups) killGroup(pgid);
    process.exit(130);
  };
  process.on('SIGINT', onInterrupt);
  process.on('SIGTERM', onInterrupt);
  process.on('SIGHUP', onInterrupt);
  // Whatever ends the runner, no example outlives it (kill is synchronous, so it works in 'exit').
  process.on('exit', () => {
    for (const pgid of liveGroups) killGroup(pgid);
  });

  const started = performance.now();
  const startedAt = new Date().toISOString();
  const { timeScale } = options;
  // Opt-in: 16 node starts cost seconds on a loaded machine. 7 samples each: the difference of two
  // medians of 3 ranged from -9 to 39 ms across runs here.
  if (options.calibrate && selection.length > 0) {
    progress.note("calibrating: measuring the runner's own overhead per example (Ctrl-C stops it)");
  }
  const overhead =
    options.calibrate && selection.length > 0 ? await measureOverhead(7, controller.signal) : null;
  const rows = await runSelection(selection, {
    timeScale,
    setTimeScale: options.setTimeScale,
    pythonBin: options.pythonBin,
    repeat: options.repeat,
    ...(options.timeout !== undefined ? { timeoutSeconds: options.timeout } : {}),
    ...(options.pythonDir !== undefined ? { pythonDir: options.pythonDir } : {}),
    passThrough: true,
    ...(options.trace ? { traceDir: resolve(dirname(options.markdown), 'traces') } : {}),
    progress,
    signal: controller.signal,
    figures: loadBookFigures(),
    ...(overhead ? { overheadSeconds: Math.round(overhead.overheadSeconds * 10000) / 10000 } : {}),
  });
  const comparisons: ComparisonReport[] = [];
  for (const chapter of new Set(selection.map(({ chapter }) => chapter))) {
    for (const comparison of chapter.declaration.comparisons ?? []) {
      const compared = compareExamples(chapter.name, comparison, rows);
      if (compared) comparisons.push(compared);
    }
  }
  const report: RunReport = {
    rows,
    ...(comparisons.length > 0 ? { comparisons } : {}),
    overhead,
    interrupted: controller.signal.aborted,
    timeScale,
    repeat: options.repeat,
    startedAt,
    runtime: currentRuntime(),
    totalSeconds: (performance.now() - started) / 1000,
    warnings: discovery.warnings,
    ...(python ? { python } : {}),
  };
  if (selection.length === 0)
    progress.note('nothing to run: no chapter has a built declaration yet');
  progress.block(`\n${renderTerminalTable(report)}`);
  const color = pc.isColorSupported && process.stderr.isTTY === true;
  for (const { analysis } of rows) {
    if (analysis?.kind === 'speedup') progress.block(`\n${renderTerminalChart(analysis, color)}`);
    if (analysis?.kind === 'times')
      progress.block(`\n${renderTimesTerminalChart(analysis, color)}`);
  }
  for (const comparison of comparisons) {
    const table = [comparisonHeader(comparison), ...comparisonCells(comparison)];
    const widths =
      table[0]?.map((_, column) => Math.max(...table.map((row) => row[column]?.length ?? 0))) ?? [];
    const lines = table.map((row) =>
      row
        .map((cell, column) =>
          column === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart(widths[column] ?? 0),
        )
        .join('  '),
    );
    progress.block(`\n${comparison.title}\n${lines.join('\n')}`);
  }
  await writeJsonReport(options.json, rows);
  await writeMarkdownReport(options.markdown, report);
  progress.block(`Reports: ${options.json}, ${options.markdown}`);
  process.off('SIGINT', onInterrupt);
  process.off('SIGTERM', onInterrupt);
  process.off('SIGHUP', onInterrupt);
  if (report.interrupted) return 130;
  return rows.every((row) => row.ok) ? 0 : 1;
}

// An error the user caused (a report path that cannot be written) is one line, exit 1; a bug keeps its stack.
runMain(
  async () => {
    process.exitCode = await main(process.argv.slice(2));
  },
  { name: 'runner' },
);
