import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ReportRow } from './report-row.js';

/** Writes the JSON report: an array of rows, one per example, pretty-printed. */
export async function writeJsonReport(file: string, rows: readonly ReportRow[]): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(rows, null, 2)}\n`);
}
