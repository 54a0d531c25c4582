import { channel } from 'node:diagnostics_channel';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExample } from '../src/run-example.js';
import {
  deadlockCycle,
  judge,
  mergeTrace,
  SPAN_KINDS,
  type Trace,
  traceEventFormat,
} from '../src/trace.js';
import { describeCheck, traceClock } from '../src/trace-run.js';
import { renderTraceSvg } from '../src/trace-svg.js';
import { useTempDir } from './fixture-root.js';

const tempDir = useTempDir('runner-trace-');
const core = (entry: string) => import.meta.resolve(`@mc/core${entry}`);

let programs = 0;

/**
 * Runs `source` (an ES module importing core by URL) with tracing on, as `--trace` does; its trace.
 * With `stopOn`, the run is stopped (its process tree killed, as at a limit) once stderr says so.
 */
async function traceOf(
  source: string,
  stopOn?: string,
  env: Record<string, string> = {},
): Promise<{ trace: Trace; dir: string }> {
  programs += 1;
  const dir = join(tempDir(), `run${programs}`);
  const records = join(dir, 'records');
  mkdirSync(records, { recursive: true });
  const script = join(dir, 'program.mjs');
  writeFileSync(script, source);
  const stop = new AbortController();
  let stderr = '';
  const run = await runExample({
    command: process.execPath,
    args: [script],
    cwd: dir,
    env: { BOOK_TRACE_DIR: records, BOOK_TIME_SCALE: '0.05', ...env },
    limitSeconds: 60,
    graceMs: 200,
    signal: stop.signal,
    onStderr: (chunk) => {
      stderr += chunk.toString();
      if (stopOn !== undefined && stderr.includes(stopOn)) stop.abort();
    },
  });
  const stopped = run.timedOut || run.interrupted ? traceClock() : undefined;
  return { trace: mergeTrace(records, stopped), dir: records };
}

const header = `
import { isMain, runMain } from '${core('')}';
import { Lock, Thread } from '${core('/threading')}';
import { sleep } from '${core('/time')}';
`;

const countdowns = (together: boolean) => `${header}
async function count(name) { for (let i = 0; i < 3; i++) await sleep(1); }
runMain(async () => {
  const a = new Thread({ name: 'A', target: count, args: ['A'] });
  const b = new Thread({ name: 'B', target: count, args: ['B'] });
  a.start(); ${together ? '' : 'await a.join();'}
  b.start(); await a.join(); await b.join();
});
`;

/** Every event of a Trace Event Format file, checked against the format's rules; the first broken one named. */
function formatProblems(file: { traceEvents: Record<string, unknown>[] }): string[] {
  const problems: string[] = [];
  const named = new Set<string>();
  const isInt = (value: unknown) => Number.isInteger(value);
  for (const event of file.traceEvents) {
    const { ph, pid, tid, name } = event;
    if (!isInt(pid) || !isInt(tid)) problems.push(`pid/tid not integers: ${JSON.stringify(event)}`);
    if (typeof name !== 'string') problems.push(`no name: ${JSON.stringify(event)}`);
    if (ph === 'M') {
      if (!['thread_name', 'process_name', 'thread_sort_index'].includes(String(name)))
        problems.push(`unknown metadata ${String(name)}`);
      if (typeof event.args !== 'object') problems.push(`metadata without args: ${String(name)}`);
      if (name === 'thread_name') named.add(`${pid}:${tid}`);
    } else if (ph === 'X') {
      const { ts, dur, cat } = event as { ts: unknown; dur: unknown; cat: unknown };
      if (typeof ts !== 'number' || ts < 0) problems.push(`bad ts: ${JSON.stringify(event)}`);
      if (typeof dur !== 'number' || dur < 0) problems.push(`bad dur: ${JSON.stringify(event)}`);
      if (!SPAN_KINDS.includes(cat as never)) problems.push(`cat outside the set: ${String(cat)}`);
    } else if (ph === 'i') {
      if (!['g', 'p', 't'].includes(String(event.s)))
        problems.push(`instant scope ${String(event.s)}`);
    } else {
      problems.push(`phase ${String(ph)} not written by the runner`);
    }
  }
  // Complete events of one thread must nest (a viewer drops the others), and every lane be named.
  const spans = file.traceEvents.filter((event) => event.ph === 'X') as unknown as {
    ts: number;
    dur: number;
    pid: number;
    tid: number;
  }[];
  const byLane = new Map<string, typeof spans>();
  for (const span of spans) {
    const key = `${span.pid}:${span.tid}`;
    const list = byLane.get(key);
    if (list) list.push(span);
    else byLane.set(key, [span]);
  }
  for (const [lane, list] of byLane) {
    if (!named.has(lane)) problems.push(`lane ${lane} has no thread_name`);
    const stack: { ts: number; dur: number }[] = [];
    for (const span of list.sort((a, b) => a.ts - b.ts || b.dur - a.dur)) {
      while (stack.length > 0 && (stack.at(-1)?.ts ?? 0) + (stack.at(-1)?.dur ?? 0) <= span.ts)
        stack.pop();
      const top = stack.at(-1);
      if (top && top.ts + top.dur < span.ts + span.dur)
        problems.push(`lane ${lane}: spans overlap without nesting`);
      stack.push(span);
    }
  }
  return problems;
}

describe('--trace', () => {
  it('sees two threads sleeping at once, and not when one waits for the other', async () => {
    const { trace: together } = await traceOf(countdowns(true));
    const names = together.lanes.map((lane) => lane.name);
    expect(names).toEqual(expect.arrayContaining(['MainThread', 'A', 'B']));
    expect(judge({ overlap: 'sleep', lanes: 2 }, together).ok).toBe(true);
    const { trace: inTurn } = await traceOf(countdowns(false));
    expect(inTurn.spans.filter((span) => span.cat === 'sleep')).toHaveLength(6);
    // What was seen, in words that do not repeat the check's own (the report puts both).
    expect(judge({ overlap: 'sleep', lanes: 2 }, inTurn)).toEqual({
      ok: false,
      seen: expect.stringMatching(/^at most 1 at once: [AB]$/),
    });
    expect(judge({ serial: 'sleep' }, inTurn).ok).toBe(true);
    expect(judge({ serial: 'sleep' }, together)).toEqual({
      ok: false,
      seen: 'at most 2 at once: A, B',
    });
    expect(describeCheck({ overlap: 'sleep', lanes: 2 })).toBe('sleep at once on 2 lanes');
  });

  it('keeps a deadlock stopped from outside (killed, as at its limit): the waits still open form the cycle, drawn in the SVG', async () => {
    const { trace } = await traceOf(
      `${header}
const lockA = new Lock({ name: 'lock_a' });
const lockB = new Lock({ name: 'lock_b' });
async function one(first, second) { await first.acquire(); await sleep(2); await second.acquire(); }
runMain(async () => {
  new Thread({ target: one, args: [lockA, lockB] }).start();
  new Thread({ target: one, args: [lockB, lockA] }).start();
});
`,
      'Deadlock:',
    );
    expect(deadlockCycle(trace).map(({ lane, lock }) => `${lane} ${lock}`)).toEqual([
      'Thread-1 lock_b',
      'Thread-2 lock_a',
    ]);
    expect(judge({ cycle: 'lock-wait' }, trace)).toEqual({
      ok: true,
      seen: 'Thread-1 waits for lock_b, Thread-2 waits for lock_a',
    });
    expect(judge({ waitsWhileHeld: 'lock_a' }, trace).ok).toBe(true);
    const svg = renderTraceSvg(trace, 'deadlock');
    expect(svg).toContain('Deadlock: Thread-1 waits for lock_b (held by Thread-2)');
    expect(svg).toContain('wait lock_a');
    expect(formatProblems(traceEventFormat(trace) as never)).toEqual([]);
  });

  it('gives a child process and each pool worker a lane of its own, and writes valid Trace Event Format', async () => {
    const { trace } = await traceOf(`
import { isMain, runMain } from '${core('')}';
import { Process } from '${core('/multiprocessing')}';
import { ProcessPoolExecutor, workerFunction } from '${core('/concurrent/futures')}';
import { sleep } from '${core('/time')}';
export async function child() { await sleep(2); }
export function spin(ms) { const end = Date.now() + ms; while (Date.now() < end); return ms; }
if (isMain(import.meta.url)) runMain(async () => {
  const p = new Process({ target: child }); p.start(); await p.join();
  const pool = new ProcessPoolExecutor({ maxWorkers: 2 });
  const task = workerFunction(import.meta.url, 'spin');
  await Promise.all([pool.submit(task, 300), pool.submit(task, 300)].map((f) => f.result()));
  await pool.shutdown();
});
`);
    const child = trace.spans.find((span) => span.cat === 'process');
    expect(child?.name).toMatch(/^Process-1 \(pid \d+\)$/);
    expect(trace.lanes.find((lane) => lane.pid === child?.pid)?.name).toBe('Process-1');
    expect(trace.spans.some((span) => span.cat === 'sleep' && span.pid === child?.pid)).toBe(true);
    expect(judge({ processes: 1 }, trace).ok).toBe(true);
    const tasks = trace.spans.filter((span) => span.name === 'spin(300)');
    expect(tasks).toHaveLength(2);
    expect(
      judge({ overlap: 'task', lanes: 2, across: 'isolates', named: /^PoolWorker-/ }, trace).ok,
    ).toBe(true);
    const file = JSON.parse(JSON.stringify(traceEventFormat(trace)));
    expect(formatProblems(file)).toEqual([]);
  });

  it('keeps a wait open at the stop when a busy lane is folded: the cycle is still found', () => {
    // Two philosophers that took and waited for locks thousands of times, a millisecond apart,
    // until each waits for the lock the other holds: more than 2000 spans a lane, so each lane
    // folds its runs of the same span into one, and the last, open wait must stay open.
    const dir = join(tempDir(), 'run-folded');
    mkdirSync(dir, { recursive: true });
    const lines: string[] = [];
    let id = 0;
    const lane = (tid: number, name: string) =>
      lines.push(JSON.stringify({ ph: 'M', name: 'thread_name', pid: 1, tid, args: { name } }));
    const span = (tid: number, name: string, lock: string, ts: number, end?: number) => {
      id += 1;
      const cat = name.startsWith('wait') ? 'lock-wait' : 'lock-hold';
      lines.push(JSON.stringify({ ph: 'B', id, cat, name, ts, pid: 1, tid, args: { lock } }));
      if (end !== undefined) lines.push(JSON.stringify({ ph: 'E', id, ts: end }));
    };
    lane(1, 'Thread-1');
    lane(2, 'Thread-2');
    for (let i = 0; i < 2500; i++) {
      span(1, 'wait b', 'b', i * 100, i * 100 + 50);
      span(2, 'wait a', 'a', i * 100, i * 100 + 50);
    }
    span(1, 'hold a', 'a', 250_000);
    span(2, 'hold b', 'b', 250_000);
    span(1, 'wait b', 'b', 250_010);
    span(2, 'wait a', 'a', 250_010);
    writeFileSync(join(dir, '1-0.jsonl'), `${lines.join('\n')}\n`);
    const trace = mergeTrace(dir, 300_000);
    expect(trace.aggregated).toBeGreaterThan(0);
    expect(judge({ cycle: 'lock-wait' }, trace)).toEqual({
      ok: true,
      seen: 'Thread-1 waits for b, Thread-2 waits for a',
    });
  });

  it('records only the kinds BOOK_TRACE_KINDS names; the tasks of a thread pool run on lanes named as Python names its threads', async () => {
    const { trace } = await traceOf(
      `${header}
import { ThreadPoolExecutor } from '${core('/concurrent/futures')}';
const lock = new Lock({ name: 'counter' });
async function increment() { await lock.acquire(); await sleep(0.2); lock.release(); }
runMain(async () => {
  for (const workers of [1, 3]) {
    await using pool = new ThreadPoolExecutor({ maxWorkers: workers });
    for (let i = 0; i < 3; i++) pool.submit(increment);
  }
});
`,
      undefined,
      { BOOK_TRACE_KINDS: 'task' },
    );
    expect(new Set(trace.spans.map((span) => span.cat))).toEqual(new Set(['task']));
    const pools = trace.lanes.map((lane) => lane.name).filter((name) => name.includes('Pool'));
    expect(pools.sort()).toEqual([
      'ThreadPoolExecutor-0_0',
      'ThreadPoolExecutor-1_0',
      'ThreadPoolExecutor-1_1',
      'ThreadPoolExecutor-1_2',
    ]);
    const inPool = (n: number) =>
      ({ overlap: 'task', lanes: 2, named: new RegExp(`^ThreadPoolExecutor-${n}_`) }) as const;
    expect(judge(inPool(0), trace)).toEqual({
      ok: false,
      seen: 'at most 1 at once: ThreadPoolExecutor-0_0',
    });
    expect(judge(inPool(1), trace).ok).toBe(true);
  });

  it('records nothing without BOOK_TRACE_DIR: nobody subscribes, no file is opened', async () => {
    await import('@mc/core/threading');
    await import('@mc/core/time');
    expect(channel('mc:time.sleep').hasSubscribers).toBe(false);
    expect(channel('mc:threading.lock').hasSubscribers).toBe(false);
    expect(process.env.BOOK_TRACE_DIR).toBeUndefined();
    expect(readdirSync(tempDir()).every((name) => name.startsWith('run'))).toBe(true);
  });
});
