import { millis, overheadText, ratio, seconds } from './format.js';
import type { RunReport } from './report-row.js';

/** The header and cells of the final table, shared by the terminal and Markdown renderings. */
export function tableCells(report: RunReport): { header: string[]; rows: string[][] } {
  const python = report.rows.some((row) => row.python);
  const header = [
    'chapter',
    'example',
    'expected',
    'outcome',
    'wall s',
    'CPU s',
    'CPU/wall',
    'book',
  ];
  if (python) header.push('python s', 'python/node');
  const rows = report.rows.map((row) => {
    const cells = [
      row.chapter,
      [row.example, ...(row.args ?? [])].join(' '),
      row.expected,
      `${row.ok ? '✓' : '✗'} ${row.outcome}`,
      seconds(row.wallSeconds),
      seconds(row.cpuSeconds),
      ratio(row.cpuPerWall),
      row.bookFigure ?? '',
    ];
    if (python) {
      const twin = row.python;
      cells.push(
        twin?.status === 'ran'
          ? `${seconds(twin.wallSeconds)} (${twin.outcome}${twin.failure ? `; ${twin.failure}` : ''})`
          : twin
            ? `skipped: ${twin.reason}`
            : '',
        twin?.status === 'ran' ? ratio(twin.ratio) : '',
      );
    }
    return cells;
  });
  return { header, rows };
}

/** One line summing the run up: counts, total time, the runner's overhead. */
export function summaryLine(report: RunReport): string {
  const passed = report.rows.filter((row) => row.ok).length;
  const failed = report.rows.length - passed;
  const parts = [
    `${report.rows.length} example${report.rows.length === 1 ? '' : 's'}: ${passed} passed, ${failed} failed`,
    `total ${seconds(report.totalSeconds)} s`,
    `time scale ${report.timeScale}`,
  ];
  if (report.repeat > 1) parts.push(`median of ${report.repeat} runs`);
  if (report.overhead) {
    parts.push(
      `runner overhead ${overheadText(report.overhead.overheadSeconds)} per run (node start ${millis(report.overhead.nodeSeconds)})`,
    );
  }
  if (report.interrupted) parts.push('INTERRUPTED: partial report');
  return parts.join('; ');
}

/** The final table as aligned plain text for the terminal. */
export function renderTerminalTable(report: RunReport): string {
  const { header, rows } = tableCells(report);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const numeric = new Set(['wall s', 'CPU s', 'CPU/wall', 'python/node']);
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) =>
        numeric.has(header[column] ?? '')
          ? cell.padStart(widths[column] ?? 0)
          : cell.padEnd(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  return [
    line(header),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.map(line),
    '',
    summaryLine(report),
  ].join('\n');
}
