import type { ReportRow } from './report-row.js';
import { writeReportFile } from './write-report.js';

/** Writes the JSON report: an array of rows, one per example, pretty-printed. */
export async function writeJsonReport(file: string, rows: readonly ReportRow[]): Promise<void> {
  await writeReportFile(file, `${JSON.stringify(rows, null, 2)}\n`);
}
