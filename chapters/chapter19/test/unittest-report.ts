/** unittest's report: the result characters line, `Ran N tests`, and the verdict. */
export function parseReport(report: string): { marks: string; ran: number; verdict: string } {
  const lines = report.trimEnd().split('\n');
  const ran = /^Ran (\d+) tests? in \d+\.\d{3}s$/.exec(lines.at(-3) ?? '');
  return {
    marks: lines[0] ?? '',
    ran: Number(ran?.[1] ?? Number.NaN),
    verdict: lines.at(-1) ?? '',
  };
}
