/**
 * `--trace`: merges what core recorded in every process and worker thread of one run (one file
 * each, see core's trace-recorder.ts) into Chrome's Trace Event Format, and judges a declaration's
 * trace checks on it. A span left open when the run was stopped ends where the trace ends.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SpanKind, TraceCheck } from './declare.js';

/** The kinds of span, the trace's `cat`. */
export const SPAN_KINDS: readonly SpanKind[] = [
  'task',
  'sleep',
  'lock-wait',
  'lock-hold',
  'queue-wait',
  'io',
  'process',
];

/** One complete span (`ph: 'X'`): microseconds from the trace's start. */
export interface Span {
  readonly ph: 'X';
  readonly cat: SpanKind;
  readonly name: string;
  readonly ts: number;
  readonly dur: number;
  readonly pid: number;
  readonly tid: number;
  readonly args?: Record<string, unknown>;
}

/** A lane of the timeline: one thread, task, process or worker. */
export interface Lane {
  readonly pid: number;
  readonly tid: number;
  readonly name: string;
  readonly process: string;
  /** The process and thread (worker_threads) it runs in: `pid:threadId`. */
  readonly isolate: string;
}

/** A merged run. */
export interface Trace {
  readonly spans: readonly Span[];
  readonly instants: readonly Record<string, unknown>[];
  readonly lanes: readonly Lane[];
  /** Microseconds from the first record to the last (or to the stop). */
  readonly end: number;
  /** Spans that spans of the same name and lane were folded into, when a lane repeated itself. */
  readonly aggregated: number;
}

interface Record_ {
  readonly ph: string;
  readonly id?: number;
  readonly cat?: string;
  readonly name?: string;
  readonly ts?: number;
  readonly pid?: number;
  readonly tid?: number;
  readonly s?: string;
  readonly args?: Record<string, unknown>;
}

/** The kinds of span another span can happen inside, on the same lane. */
const CONTAINERS: ReadonlySet<SpanKind> = new Set(['task', 'process', 'lock-hold']);

/** Above this many spans in one lane, runs of the same span close together are folded into one. */
const LANE_SPAN_BUDGET = 2000;

/** Reads every isolate's records in `directory` and merges them; `stoppedAt` (µs, epoch) ends open spans. */
export function mergeTrace(directory: string, stoppedAt?: number): Trace {
  const files = readdirSync(directory).filter((file) => file.endsWith('.jsonl'));
  const begins: (Record_ & { end?: number; endArgs?: Record<string, unknown> })[] = [];
  const instants: Record_[] = [];
  const threadNames = new Map<string, string>();
  const namedByParent = new Set<string>();
  const processNames = new Map<number, string>();
  let last = 0;
  for (const file of files) {
    const filePid = Number(file.split('-')[0]);
    const open = new Map<number, Record_ & { end?: number }>();
    for (const line of readFileSync(join(directory, file), 'utf8').split('\n')) {
      if (line === '') continue;
      let record: Record_;
      try {
        record = JSON.parse(line) as Record_;
      } catch {
        continue; // a line cut short when the process was killed
      }
      if (record.ts !== undefined) last = Math.max(last, record.ts);
      if (record.ph === 'M') {
        const key = `${record.pid}:${record.tid}`;
        const name = String(record.args?.name ?? '');
        if (record.name === 'process_name') processNames.set(record.pid ?? 0, name);
        if (record.name !== 'thread_name') continue;
        const byParent = record.pid !== filePid;
        if (byParent) namedByParent.add(key);
        if (byParent || !namedByParent.has(key)) threadNames.set(key, name);
      } else if (record.ph === 'B') {
        const begin = { ...record };
        open.set(record.id ?? 0, begin);
        begins.push(begin);
      } else if (record.ph === 'E') {
        const begin = open.get(record.id ?? 0);
        if (begin) {
          begin.end = record.ts;
          if (record.args) Object.assign(begin, { endArgs: record.args });
        }
      } else if (record.ph === 'i') {
        instants.push(record);
      }
    }
  }
  const stop = Math.max(last, stoppedAt ?? 0);
  let first = stop;
  for (const record of [...begins, ...instants]) first = Math.min(first, record.ts ?? stop);
  const origin = Number.isFinite(first) ? first : stop;
  const raw: Span[] = begins.map((begin) => {
    const open = begin.end === undefined;
    const ts = (begin.ts ?? origin) - origin;
    const args = { ...begin.args, ...begin.endArgs, ...(open ? { open: true } : {}) };
    return {
      ph: 'X',
      cat: begin.cat as SpanKind,
      name: begin.name ?? '',
      ts,
      dur: Math.max(0, (begin.end ?? stop) - origin - ts),
      pid: begin.pid ?? 0,
      tid: begin.tid ?? 0,
      ...(Object.keys(args).length > 0 ? { args } : {}),
    };
  });
  const folded = fold(raw);
  const packed = pack(folded.spans, threadNames);
  const isolates = packed.original;
  const pids = new Set(packed.spans.map((span) => span.pid));
  const lanes: Lane[] = [...packed.lanes]
    .filter((lane) => pids.has(lane.pid))
    .map((lane) => ({
      ...lane,
      process: processNames.get(lane.pid) ?? 'MainProcess',
      isolate: `${lane.pid}:${Math.floor((isolates.get(`${lane.pid}:${lane.tid}`) ?? lane.tid) / 1000)}`,
    }));
  return {
    spans: packed.spans,
    instants: instants.map((i) => ({ ...i, ts: (i.ts ?? origin) - origin })),
    lanes,
    end: stop - origin,
    aggregated: folded.aggregated,
  };
}

/**
 * A lane that repeats itself thousands of times (a livelock, a lock taken per increment) folds each
 * run of identical spans less than a millisecond apart into one, `name ×N`: the picture stays the
 * same and the file small.
 */
function fold(spans: readonly Span[]): { spans: Span[]; aggregated: number } {
  const byLane = new Map<string, Span[]>();
  for (const span of spans) {
    const key = `${span.pid}:${span.tid}`;
    const list = byLane.get(key) ?? [];
    list.push(span);
    byLane.set(key, list);
  }
  const out: Span[] = [];
  let aggregated = 0;
  for (const list of byLane.values()) {
    if (list.length <= LANE_SPAN_BUDGET) {
      out.push(...list);
      continue;
    }
    const lastOf = new Map<string, { span: Span; count: number }>();
    const kept: { span: Span; count: number }[] = [];
    for (const span of [...list].sort((a, b) => a.ts - b.ts)) {
      const key = `${span.cat}:${span.name}`;
      const previous = lastOf.get(key);
      if (previous && span.ts - (previous.span.ts + previous.span.dur) < 1000) {
        const end = Math.max(previous.span.ts + previous.span.dur, span.ts + span.dur);
        // A span still open at the stop keeps the fold open: a deadlock's last wait is in it.
        const open =
          span.args?.open === true ? { args: { ...previous.span.args, open: true } } : {};
        previous.span = { ...previous.span, dur: end - previous.span.ts, ...open };
        previous.count += 1;
        aggregated += 1;
        continue;
      }
      const entry = { span, count: 1 };
      lastOf.set(key, entry);
      kept.push(entry);
    }
    for (const { span, count } of kept) {
      out.push(
        count > 1
          ? { ...span, name: `${span.name} ×${count}`, args: { ...span.args, count } }
          : span,
      );
    }
  }
  return { spans: out, aggregated };
}

/**
 * Trace viewers need the spans of one lane to nest. Spans of one lane that overlap without nesting
 * (asyncio tasks sleeping on the main thread) go to a second lane of the same name, `MainThread
 * (2)`, and so on.
 */
function pack(
  spans: readonly Span[],
  names: ReadonlyMap<string, string>,
): {
  spans: Span[];
  lanes: Omit<Lane, 'process' | 'isolate'>[];
  original: Map<string, number>;
} {
  const sorted = [...spans].sort(
    (a, b) => a.pid - b.pid || a.tid - b.tid || a.ts - b.ts || b.dur - a.dur,
  );
  const out: Span[] = [];
  const lanes = new Map<string, Omit<Lane, 'process' | 'isolate'>>();
  const tracks = new Map<string, { tid: number; stack: Span[] }[]>();
  let spare = 1_000_000;
  const original = new Map<string, number>();
  for (const span of sorted) {
    const key = `${span.pid}:${span.tid}`;
    const name = names.get(key) ?? `lane ${span.tid}`;
    let laneTracks = tracks.get(key);
    if (!laneTracks) {
      laneTracks = [{ tid: span.tid, stack: [] }];
      tracks.set(key, laneTracks);
      lanes.set(key, { pid: span.pid, tid: span.tid, name });
    }
    const end = span.ts + span.dur;
    let track = laneTracks.find(({ stack }) => {
      while (stack.length > 0 && endOf(stack[stack.length - 1] as Span) <= span.ts) stack.pop();
      // Only a span that runs (a thread, a process) or holds a lock contains others: a sleep
      // "inside" another sleep is two tasks sleeping at once, each on a lane of its own.
      const top = stack[stack.length - 1];
      return top === undefined || (endOf(top) >= end && CONTAINERS.has(top.cat));
    });
    if (!track) {
      track = { tid: spare++, stack: [] };
      original.set(`${span.pid}:${track.tid}`, span.tid);
      laneTracks.push(track);
      lanes.set(`${span.pid}:${track.tid}`, {
        pid: span.pid,
        tid: track.tid,
        name: `${name} (${laneTracks.length})`,
      });
    }
    track.stack.push(span);
    out.push(track.tid === span.tid ? span : { ...span, tid: track.tid });
  }
  return { spans: out, lanes: [...lanes.values()], original };
}

function endOf(span: Span): number {
  return span.ts + span.dur;
}

/** The merged run as Chrome's Trace Event Format, ready for Perfetto or chrome://tracing. */
export function traceEventFormat(trace: Trace): { traceEvents: object[]; displayTimeUnit: 'ms' } {
  const metadata: object[] = [];
  const processes = new Map<number, string>();
  trace.lanes.forEach((lane, index) => {
    processes.set(lane.pid, lane.process);
    metadata.push({
      ph: 'M',
      name: 'thread_name',
      pid: lane.pid,
      tid: lane.tid,
      args: { name: lane.name },
    });
    metadata.push({
      ph: 'M',
      name: 'thread_sort_index',
      pid: lane.pid,
      tid: lane.tid,
      args: { sort_index: index },
    });
  });
  for (const [pid, name] of processes) {
    metadata.push({
      ph: 'M',
      name: 'process_name',
      pid,
      tid: 0,
      args: { name: `${name} (pid ${pid})` },
    });
  }
  return {
    traceEvents: [...metadata, ...trace.spans, ...trace.instants],
    displayTimeUnit: 'ms',
  };
}

/** The outcome of one trace check. */
export interface CheckResult {
  readonly ok: boolean;
  /**
   * What was seen, in a few words that do not repeat the check (`describeCheck` names it): `at
   * most 1 at once: A`, `nobody waited while another held it`, `no thread waits for a lock at the end`.
   */
  readonly seen: string;
}

/** Who a span belongs to: its lane's name (a split lane counts as one), or its isolate. */
function owners(trace: Trace): { lane: (span: Span) => string; isolate: (span: Span) => string } {
  const lanes = new Map(trace.lanes.map((lane) => [`${lane.pid}:${lane.tid}`, lane]));
  const lane = (span: Span) => lanes.get(`${span.pid}:${span.tid}`);
  return {
    lane: (span) => (lane(span)?.name ?? '?').replace(/ \(\d+\)$/, ''),
    isolate: (span) => lane(span)?.isolate ?? '?',
  };
}

/** `at most 2 at once: A, B`, or `no task span` when there was none of that kind. */
function atOnce(best: readonly string[], kind: SpanKind): string {
  return best.length === 0
    ? `no ${kind} span`
    : `at most ${best.length} at once: ${best.join(', ')}`;
}

/** Judges one declared check against the run's trace. */
export function judge(check: TraceCheck, trace: Trace): CheckResult {
  const { lane, isolate } = owners(trace);
  if ('overlap' in check || 'serial' in check) {
    const kind = 'overlap' in check ? check.overlap : check.serial;
    const spans = trace.spans.filter(
      (span) => span.cat === kind && span.dur > 0 && (check.named?.test(lane(span)) ?? true),
    );
    if ('serial' in check) {
      const best = mostOverlapping(spans, lane, lane);
      return { ok: best.length <= 1, seen: atOnce(best, kind) };
    }
    const best = mostOverlapping(spans, check.across === 'isolates' ? isolate : lane, lane);
    return { ok: best.length >= check.lanes, seen: atOnce(best, kind) };
  }
  if ('processes' in check) {
    const pids = new Set(trace.spans.filter((span) => span.cat === 'process').map((s) => s.pid));
    return { ok: pids.size >= check.processes, seen: `${pids.size} started` };
  }
  if ('waitsWhileHeld' in check) {
    const name = check.waitsWhileHeld;
    const of = (cat: SpanKind) =>
      trace.spans.filter((s) => s.cat === cat && s.args?.lock === name && s.dur > 0);
    const holds = of('lock-hold');
    const blocked = of('lock-wait').some((wait) =>
      holds.some(
        (hold) =>
          lane(hold) !== lane(wait) && hold.ts < wait.ts + wait.dur && wait.ts < hold.ts + hold.dur,
      ),
    );
    return {
      ok: blocked,
      seen: blocked
        ? 'a thread waited while another held it'
        : 'nobody waited while another held it',
    };
  }
  const cycle = deadlockCycle(trace);
  if (cycle.length > 0) {
    return { ok: true, seen: cycle.map((c) => `${c.lane} waits for ${c.lock}`).join(', ') };
  }
  const waiting = trace.spans.filter((span) => span.cat === 'lock-wait' && span.args?.open);
  return {
    ok: false,
    seen:
      waiting.length === 0
        ? 'no thread waits for a lock at the end'
        : `waits at the end, but in no cycle: ${waiting.map((w) => `${lane(w)} waits for ${String(w.args?.lock)}`).join(', ')}`,
  };
}

/** The kinds of span a check reads: what a recording for it must keep. */
export function kindsRead(check: TraceCheck): SpanKind[] {
  if ('overlap' in check) return [check.overlap];
  if ('serial' in check) return [check.serial];
  if ('processes' in check) return ['process'];
  return ['lock-wait', 'lock-hold'];
}

/** The most owners that had a span open at one instant, named by their lanes. */
function mostOverlapping(
  spans: readonly Span[],
  owner: (span: Span) => string,
  lane: (span: Span) => string,
): string[] {
  const points = spans.flatMap((span) => [
    { t: span.ts, d: 1, span },
    { t: span.ts + span.dur, d: -1, span },
  ]);
  points.sort((a, b) => a.t - b.t || a.d - b.d);
  const open = new Map<string, Map<string, number>>();
  let best: string[] = [];
  for (const { d, span } of points) {
    const key = owner(span);
    const lanes = open.get(key) ?? new Map<string, number>();
    lanes.set(lane(span), (lanes.get(lane(span)) ?? 0) + d);
    if ((lanes.get(lane(span)) ?? 0) <= 0) lanes.delete(lane(span));
    if (lanes.size > 0) open.set(key, lanes);
    else open.delete(key);
    if (open.size > best.length) best = [...open.values()].map((l) => [...l.keys()][0] ?? '?');
  }
  return best.sort();
}

/** The lanes waiting for a lock when the trace ended whose holders wait in turn, around a cycle. */
export function deadlockCycle(
  trace: Trace,
): { lane: string; lock: string; pid: number; tid: number }[] {
  const { lane } = owners(trace);
  const waits = new Map<string, Span>();
  const holder = new Map<string, string>();
  for (const span of trace.spans) {
    if (span.args?.open !== true) continue;
    if (span.cat === 'lock-wait') waits.set(lane(span), span);
    if (span.cat === 'lock-hold') holder.set(String(span.args?.lock), lane(span));
  }
  for (const start of waits.keys()) {
    const path: string[] = [];
    let current: string | undefined = start;
    while (current !== undefined && !path.includes(current) && waits.has(current)) {
      path.push(current);
      current = holder.get(String(waits.get(current)?.args?.lock));
    }
    if (current !== undefined && path.includes(current)) {
      return path.slice(path.indexOf(current)).map((name) => {
        const wait = waits.get(name) as Span;
        return { lane: name, lock: String(wait.args?.lock), pid: wait.pid, tid: wait.tid };
      });
    }
  }
  return [];
}
