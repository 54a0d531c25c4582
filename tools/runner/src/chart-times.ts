import { blue, cyan, darkgray, lightgray, plot, red, yellow } from 'asciichart';
import type { TimingSeries } from './declare.js';
import { allSeries, type TimesReport } from './times-analysis.js';

/** Seconds at `workers` on a series, linearly between its measured counts; undefined outside them. */
export function secondsAt(series: TimingSeries, workers: number): number | undefined {
  const times = [...series.times].sort((a, b) => a.workers - b.workers);
  for (let index = 0; index < times.length; index++) {
    const right = times[index];
    if (!right) break;
    if (right.workers === workers) return right.seconds;
    const left = times[index - 1];
    if (left && left.workers < workers && workers < right.workers) {
      const t = (workers - left.workers) / (right.workers - left.workers);
      return left.seconds + t * (right.seconds - left.seconds);
    }
  }
  return undefined;
}

/** The smallest and largest thread counts of the series. */
function countRange(series: readonly TimingSeries[]): [number, number] {
  const counts = series.flatMap((one) => one.times.map((time) => time.workers));
  return [Math.min(...counts), Math.max(...counts)];
}

/** Terminal colours by source (Node, Python, book) and series index. */
const terminalColors = [
  [blue, red],
  [cyan, yellow],
  [darkgray, lightgray],
];
const terminalColorNames = [
  ['blue', 'red'],
  ['cyan', 'yellow'],
  ['dark grey', 'light grey'],
];

/** Each series with its source (0 Node, 1 Python, 2 book) and its index within the source. */
function sourced(report: TimesReport): { series: TimingSeries; source: number; index: number }[] {
  return [report.series, report.python ?? [], report.book ?? []].flatMap((group, source) =>
    group.map((series, index) => ({ series, source, index })),
  );
}

/**
 * A declared `times` chart for the terminal: every series against thread count, Node's in blue
 * and red, Python's in cyan and yellow, the book's in grey, with a legend. `color: false` for
 * plain text.
 */
export function renderTimesTerminalChart(
  report: TimesReport,
  color: boolean,
  columns = 48,
): string {
  const [low, high] = countRange(allSeries(report));
  if (!(high > low)) return `${report.title}: only one thread count was measured.`;
  const lines = sourced(report).map(({ series, source, index }) => {
    const values: number[] = [];
    for (let column = 0; column < columns; column++) {
      const value = secondsAt(series, low + (column * (high - low)) / (columns - 1));
      if (value === undefined) break;
      values.push(value);
    }
    return { series, values, color: terminalColors[source]?.[index % 2], source, index };
  });
  const drawn = lines.filter((line) => line.values.length > 1);
  const chart = plot(
    drawn.map((line) => line.values),
    {
      height: 12,
      min: 0,
      colors: color ? drawn.map((line) => line.color) : [],
      format: (value) => `${value.toFixed(2).padStart(6)} s `,
    },
  );
  const legend = drawn
    .map(
      ({ series, source, index }) =>
        `${series.label} (${terminalColorNames[source]?.[index % 2]}) ${series.times.map((t) => t.seconds.toFixed(2)).join(' ')}`,
    )
    .map((text) => `  ${text}`);
  return [`${report.title} (x: ${low} .. ${high} threads, y: seconds)`, chart, ...legend].join(
    '\n',
  );
}

const width = 560;
const height = 340;
const margin = { left: 56, right: 16, top: 16, bottom: 96 };
/** SVG colours by series index (the book's plot: blue, then red); sources differ by dashes. */
const svgColors = ['#26c', '#d22', '#2a2', '#e80'];
const svgDashes = ['', '6 3', '2 3'];

/** Formats a coordinate with at most one decimal. */
const f = (value: number): string => String(Math.round(value * 10) / 10);

/** A step of 1, 2 or 5 times a power of ten giving about five ticks up to `top`. */
function tickStep(top: number): number {
  const rough = top / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 5, 10].map((m) => m * power).find((step) => step >= rough) ?? rough;
}

/**
 * A declared `times` chart as a small hand-written SVG: seconds against thread count, one line
 * per series, coloured by series (blue, red, ...), solid with dots for Node, dashed for Python,
 * dotted for the book, with axes, ticks and a legend.
 */
export function renderTimesSvgChart(report: TimesReport): string {
  const every = sourced(report);
  const [low, high] = countRange(every.map(({ series }) => series));
  const step = tickStep(
    Math.max(...every.flatMap(({ series }) => series.times.map((t) => t.seconds))),
  );
  const yMax =
    step *
    Math.max(
      1,
      Math.ceil(
        Math.max(...every.flatMap(({ series }) => series.times.map((t) => t.seconds))) / step,
      ),
    );
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const x = (workers: number): number =>
    margin.left + (high === low ? 0 : ((workers - low) / (high - low)) * plotWidth);
  const y = (seconds: number): number => margin.top + plotHeight - (seconds / yMax) * plotHeight;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<line x1="${margin.left}" y1="${f(y(0))}" x2="${width - margin.right}" y2="${f(y(0))}" stroke="black"/>`,
    `<line x1="${margin.left}" y1="${margin.top}" x2="${margin.left}" y2="${f(y(0))}" stroke="black"/>`,
  ];
  for (let workers = low; workers <= high; workers++) {
    parts.push(
      `<text x="${f(x(workers))}" y="${f(y(0) + 14)}" text-anchor="middle">${workers}</text>`,
    );
  }
  for (let tick = 0; tick <= yMax + step / 2; tick += step) {
    parts.push(
      `<line x1="${margin.left}" y1="${f(y(tick))}" x2="${width - margin.right}" y2="${f(y(tick))}" stroke="#eee"/>`,
      `<text x="${margin.left - 6}" y="${f(y(tick) + 4)}" text-anchor="end">${Number(tick.toFixed(3))}</text>`,
    );
  }
  parts.push(
    `<text x="${f(margin.left + plotWidth / 2)}" y="${f(y(0) + 30)}" text-anchor="middle">Number of threads</text>`,
    `<text x="14" y="${f(margin.top + plotHeight / 2)}" text-anchor="middle" transform="rotate(-90 14 ${f(margin.top + plotHeight / 2)})">Time in seconds</text>`,
  );
  every.forEach(({ series, source, index }, order) => {
    const colour = svgColors[index % svgColors.length];
    const dash = svgDashes[source] ? ` stroke-dasharray="${svgDashes[source]}"` : '';
    const points = [...series.times]
      .sort((a, b) => a.workers - b.workers)
      .map((time) => `${f(x(time.workers))},${f(y(time.seconds))}`)
      .join(' ');
    parts.push(
      `<polyline points="${points}" fill="none" stroke="${colour}" stroke-width="${source === 0 ? 2 : 1.5}"${dash}/>`,
    );
    if (source === 0) {
      for (const time of series.times) {
        parts.push(
          `<circle cx="${f(x(time.workers))}" cy="${f(y(time.seconds))}" r="3" fill="${colour}"/>`,
        );
      }
    }
    const lx = margin.left + (order % 2) * 250;
    const ly = height - 48 + Math.floor(order / 2) * 14;
    parts.push(
      `<line x1="${lx}" y1="${ly - 4}" x2="${lx + 18}" y2="${ly - 4}" stroke="${colour}" stroke-width="2"${dash}/>`,
      `<text x="${lx + 22}" y="${ly}">${series.label}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('\n');
}
