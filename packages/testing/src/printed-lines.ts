/**
 * The seconds of each `Took N seconds.` line of a program's output, in order. The book prints
 * them with `'% .2f'` (Python's sign space: `Took  1.13 seconds.`, two spaces) or plain (`Took
 * 1.13 seconds.`); both are read, a negative too.
 *
 * @example tookSeconds(['Took  1.13 seconds.', 'Took 0.25 seconds.']) // [1.13, 0.25]
 */
export function tookSeconds(lines: readonly string[]): number[] {
  return lines
    .map((line) => /^Took {1,2}(-?\d+\.\d+) seconds\.$/.exec(line))
    .filter((match) => match !== null)
    .map((match) => Number(match[1]));
}

/**
 * The whole number a line `<prefix> N.` gives (the first such line); throws, quoting the lines,
 * when there is none.
 *
 * @example numberAfter(run.lines, 'Final counter:') // 20 for 'Final counter: 20.'
 */
export function numberAfter(lines: readonly string[], prefix: string): number {
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = lines
    .map((line) => new RegExp(`^${escaped} (-?\\d+)\\.$`).exec(line))
    .find(Boolean);
  if (!match) throw new Error(`no line '${prefix} N.' in:\n${lines.join('\n')}`);
  return Number(match[1]);
}
