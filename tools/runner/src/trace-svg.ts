import type { SpanKind } from './declare.js';
import { deadlockCycle, type Lane, type Span, type Trace } from './trace.js';

/** Each kind of span's colour, and what the legend calls it. */
export const KIND_STYLE: Readonly<Record<SpanKind, { fill: string; label: string }>> = {
  task: { fill: '#9ecae9', label: 'running (thread, task)' },
  process: { fill: '#c7b299', label: 'process alive' },
  sleep: { fill: '#f2c14e', label: 'sleep' },
  'lock-hold': { fill: '#59a14f', label: 'holds a lock' },
  'lock-wait': { fill: '#e15759', label: 'waits for a lock' },
  'queue-wait': { fill: '#b07aa1', label: 'waits on a queue' },
  io: { fill: '#4e79a7', label: 'I/O (request, connection)' },
};

const width = 960;
const labelWidth = 170;
const right = 64;
const laneHeight = 34;
const top = 44;
const plotWidth = width - labelWidth - right;

/** Formats a coordinate with at most one decimal. */
const f = (value: number): string => String(Math.round(value * 10) / 10);

const xml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A step of 1, 2 or 5 times a power of ten giving about 8 ticks over `span` microseconds. */
function tickStep(span: number): number {
  const raw = Math.max(span, 1) / 8;
  const power = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
}

function timeLabel(us: number, step: number): string {
  if (step >= 1_000_000) return `${us / 1_000_000} s`;
  if (step >= 100_000) return `${(us / 1_000_000).toFixed(1)} s`;
  if (step >= 1000) return `${Math.round(us / 1000)} ms`;
  return `${(us / 1000).toFixed(1)} ms`;
}

/**
 * The run's timeline as a self-contained SVG: a lane per thread, task, process or worker, time
 * across, spans coloured by kind (nested ones drawn inside the span they happen in) with a legend,
 * lock names written on the waits and holds, and a deadlock's wait-for cycle marked in red where
 * the run was stopped.
 */
export function renderTraceSvg(trace: Trace, title: string): string {
  const used = trace.lanes.filter((lane) =>
    trace.spans.some((span) => span.pid === lane.pid && span.tid === lane.tid),
  );
  // A lane split into more than three (a server's many open connections) is drawn as one row.
  const base = (lane: Lane) => `${lane.pid}:${lane.name.replace(/ \(\d+\)$/, '')}`;
  const family = new Map<string, Lane[]>();
  for (const lane of used) family.set(base(lane), [...(family.get(base(lane)) ?? []), lane]);
  const lanes: Lane[] = [];
  const row = new Map<string, number>();
  for (const lane of used) {
    const members = family.get(base(lane)) ?? [lane];
    const first = members[0] as Lane;
    if (members.length > 3 && lane !== first) {
      row.set(`${lane.pid}:${lane.tid}`, row.get(`${first.pid}:${first.tid}`) ?? 0);
      continue;
    }
    row.set(`${lane.pid}:${lane.tid}`, lanes.length);
    lanes.push(members.length > 3 ? { ...lane, name: `${lane.name} ×${members.length}` } : lane);
  }
  const end = Math.max(trace.end, 1);
  const x = (us: number): number => labelWidth + (us / end) * plotWidth;
  const plotBottom = top + lanes.length * laneHeight;
  const out: string[] = [];
  const kinds = new Set<SpanKind>();

  // Time axis.
  const step = tickStep(end);
  for (let t = 0; t <= end; t += step) {
    out.push(
      `<line x1="${f(x(t))}" y1="${top - 4}" x2="${f(x(t))}" y2="${plotBottom}" stroke="#e4e4e4"/>`,
      `<text x="${f(x(t))}" y="${top - 8}" text-anchor="middle" class="t">${timeLabel(t, step)}</text>`,
    );
  }
  // Lanes.
  const severalProcesses = new Set(lanes.map((lane) => lane.pid)).size > 1;
  lanes.forEach((lane, index) => {
    const y = top + index * laneHeight;
    if (index % 2 === 1)
      out.push(`<rect x="0" y="${y}" width="${width}" height="${laneHeight}" fill="#f7f7f7"/>`);
    out.push(
      `<text x="${labelWidth - 8}" y="${y + laneHeight / 2 + 4}" text-anchor="end" class="l">${xml(severalProcesses ? `${lane.name} (pid ${lane.pid})` : lane.name)}</text>`,
    );
  });
  // Spans, deepest last: each drawn a little inside the one it nests in.
  const depthOf = nestingDepths(trace.spans);
  const drawn = coalesce(trace.spans, depthOf, x);
  const layer = (kind: SpanKind) => (kind === 'task' || kind === 'process' ? 0 : 1);
  drawn.sort((a, b) => layer(a.span.cat) - layer(b.span.cat) || a.depth - b.depth);
  for (const { span, depth, x1, x2, count } of drawn) {
    const index = row.get(`${span.pid}:${span.tid}`);
    if (index === undefined) continue;
    kinds.add(span.cat);
    // Where in its lane a span sits: running is the lane's background, a lock held a strip along
    // its foot (holds last long, and what happens while holding shows above it), the rest between.
    const laneTop = top + index * laneHeight;
    const [y, h] =
      span.cat === 'task' || span.cat === 'process'
        ? [laneTop + 1 + Math.min(depth, 2) * 2, laneHeight - 2 - Math.min(depth, 2) * 4]
        : span.cat === 'lock-hold'
          ? [laneTop + laneHeight - 12, 10]
          : [laneTop + 4, 17];
    const w = Math.max(x2 - x1, 0.8);
    const tip = count > 1 ? `${count} spans: ${span.name}` : span.name;
    const open = span.args?.open === true ? ' (still open when the run stopped)' : '';
    out.push(
      `<rect x="${f(x1)}" y="${y}" width="${f(w)}" height="${h}" fill="${KIND_STYLE[span.cat].fill}"><title>${xml(tip + open)}</title></rect>`,
    );
    const lock = String(span.args?.lock ?? '');
    const label =
      span.cat === 'lock-wait'
        ? `wait ${lock}`
        : span.cat === 'lock-hold'
          ? `holds ${lock}`
          : span.cat === 'process'
            ? span.name
            : undefined;
    if (label && w > label.length * 6 + 6 && count === 1) {
      const size = span.cat === 'lock-hold' ? ' font-size="8.5"' : '';
      const dark = span.cat === 'process' ? ' style="fill:#3b2f22"' : '';
      out.push(
        `<text x="${f(x1 + 3)}" y="${f(y + h / 2 + (size ? 3 : 4))}" class="s"${size}${dark}>${xml(label)}</text>`,
      );
    }
  }
  // A deadlock: the waits still open at the stop, and arrows from each waiter to the holder.
  const cycle = deadlockCycle(trace);
  let captionLines: string[] = [];
  if (cycle.length > 0) {
    const xEnd = x(end) + 3;
    for (const [i, wait] of cycle.entries()) {
      const from = row.get(`${wait.pid}:${wait.tid}`);
      const next = cycle[(i + 1) % cycle.length];
      const to = next ? row.get(`${next.pid}:${next.tid}`) : undefined;
      if (from === undefined || to === undefined) continue;
      const y1 = top + from * laneHeight + laneHeight / 2;
      const y2 = top + to * laneHeight + laneHeight / 2;
      const bend = xEnd + 22 + i * 8;
      out.push(
        `<path d="M ${f(xEnd)} ${f(y1)} C ${f(bend)} ${f(y1)}, ${f(bend)} ${f(y2)}, ${f(xEnd)} ${f(y2 + (y2 > y1 ? -5 : 5))}" fill="none" stroke="#b00020" stroke-width="2" marker-end="url(#arrow)"/>`,
      );
    }
    captionLines = [
      `Deadlock: ${cycle.map((wait, i) => `${wait.lane} waits for ${wait.lock} (held by ${cycle[(i + 1) % cycle.length]?.lane})`).join('; ')}`,
    ];
  }
  const stopped = trace.spans.some((span) => span.args?.open === true);
  if (stopped) {
    out.push(
      `<line x1="${f(x(end))}" y1="${top - 4}" x2="${f(x(end))}" y2="${plotBottom}" stroke="#b00020" stroke-dasharray="4 3"/>`,
      `<text x="${f(x(end))}" y="${plotBottom + 14}" text-anchor="end" class="t" fill="#b00020">stopped here</text>`,
    );
  }
  if (trace.aggregated > 0)
    captionLines.push(`${trace.aggregated} repeated spans folded into their neighbours`);
  // Legend.
  const legendY = plotBottom + 30;
  let legendX = labelWidth;
  const legend: string[] = [];
  for (const kind of Object.keys(KIND_STYLE) as SpanKind[]) {
    if (!kinds.has(kind)) continue;
    const { fill, label } = KIND_STYLE[kind];
    legend.push(
      `<rect x="${legendX}" y="${legendY - 10}" width="12" height="12" fill="${fill}"/>`,
      `<text x="${legendX + 16}" y="${legendY}" class="l">${xml(label)}</text>`,
    );
    legendX += 28 + label.length * 6.6;
  }
  const captions = captionLines.map(
    (line, i) =>
      `<text x="${labelWidth}" y="${legendY + 22 + i * 16}" class="${i === 0 && cycle.length > 0 ? 'd' : 't'}">${xml(line)}</text>`,
  );
  const height = legendY + 14 + captionLines.length * 16;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif">`,
    `<title>Timeline of ${xml(title)}</title>`,
    '<style>.l{font-size:12px;fill:#222}.t{font-size:11px;fill:#666}.s{font-size:10px;fill:#fff;font-weight:600}.d{font-size:12px;fill:#b00020;font-weight:600}</style>',
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#b00020"/></marker></defs>',
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="8" y="18" class="l" font-weight="600">${xml(title)}</text>`,
    ...out,
    ...legend,
    ...captions,
    '</svg>',
    '',
  ].join('\n');
}

/** How deep each span sits inside the other spans of its lane (0: outermost). */
function nestingDepths(spans: readonly Span[]): Map<Span, number> {
  const depths = new Map<Span, number>();
  const byLane = new Map<string, Span[]>();
  for (const span of spans) {
    const key = `${span.pid}:${span.tid}`;
    const list = byLane.get(key);
    if (list) list.push(span);
    else byLane.set(key, [span]);
  }
  for (const list of byLane.values()) {
    list.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    const stack: Span[] = [];
    for (const span of list) {
      while (stack.length > 0) {
        const last = stack[stack.length - 1] as Span;
        if (last.ts + last.dur > span.ts || (last.dur === 0 && last.ts === span.ts)) break;
        stack.pop();
      }
      depths.set(span, stack.length);
      stack.push(span);
    }
  }
  return depths;
}

interface Drawn {
  readonly span: Span;
  readonly depth: number;
  readonly x1: number;
  x2: number;
  count: number;
}

/** Spans of one lane, depth and kind that touch within half a pixel are drawn as one rectangle. */
function coalesce(
  spans: readonly Span[],
  depthOf: ReadonlyMap<Span, number>,
  x: (us: number) => number,
): Drawn[] {
  const sorted = [...spans].sort((a, b) => a.ts - b.ts);
  const last = new Map<string, Drawn>();
  const out: Drawn[] = [];
  for (const span of sorted) {
    const depth = depthOf.get(span) ?? 0;
    const key = `${span.pid}:${span.tid}:${depth}:${span.cat}`;
    const x1 = x(span.ts);
    const x2 = x(span.ts + span.dur);
    const previous = last.get(key);
    if (previous && x1 <= previous.x2 + 0.5 && x2 - x1 < 2) {
      previous.x2 = Math.max(previous.x2, x2);
      previous.count += 1;
      continue;
    }
    const drawn = { span, depth, x1, x2, count: 1 };
    last.set(key, drawn);
    out.push(drawn);
  }
  return out;
}
