/**
 * Recording an example's runs: the folder its processes and worker threads record into (core reads
 * BOOK_TRACE_DIR, and BOOK_TRACE_KINDS when only some kinds are wanted), the merged trace after
 * each run (for the declaration's event checks, on every run), and under `--trace` its timeline
 * written to `reports/traces/<chapter>-<example>.json` and `.svg`, with the trace checks judged.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { ExampleDeclaration, SpanKind, TraceCheck } from './declare.js';
import { repoRoot } from './paths.js';
import type { RunResult } from './run-example.js';
import { judge, mergeTrace, type Trace, traceEventFormat } from './trace.js';
import { renderTraceSvg } from './trace-svg.js';

/** The environment variable core's recorder reads (core's `TRACE_DIRECTORY_VARIABLE`). */
export const TRACE_DIRECTORY_VARIABLE = 'BOOK_TRACE_DIR';

/** What a traced run left: its files (relative to the repository) and its checks. */
export interface TraceReport {
  readonly json: string;
  readonly svg: string;
  readonly spans: number;
  readonly lanes: number;
  readonly checks: readonly {
    readonly check: string;
    readonly ok: boolean;
    readonly seen: string;
  }[];
}

/**
 * One check in words, as the report and a failing outcome name it (`judge` says what was seen):
 * `sleep at once on 2 lanes`, `a lock-wait cycle at the end`.
 */
export function describeCheck(check: TraceCheck): string {
  const named = 'named' in check && check.named ? ` named ${check.named.source}` : '';
  if ('overlap' in check)
    return `${check.overlap} at once on ${check.lanes} ${check.across === 'isolates' ? 'threads or processes' : 'lanes'}${named}`;
  if ('serial' in check) return `${check.serial} on one lane at a time${named}`;
  if ('processes' in check)
    return `${check.processes} child process${check.processes === 1 ? '' : 'es'}`;
  if ('waitsWhileHeld' in check) return `a wait for ${check.waitsWhileHeld} while another holds it`;
  return 'a lock-wait cycle at the end';
}

/** The base name of an example's trace files; an example declared twice gets its arguments. */
export function traceName(chapter: string, example: ExampleDeclaration, twice: boolean): string {
  const suffix = twice && example.args?.length ? `-${example.args.join('-')}` : '';
  return `${chapter}-${example.name}${suffix}`.replace(/[^A-Za-z0-9._-]+/g, '_');
}

/** The environment variable limiting a recording to some kinds (core's `TRACE_KINDS_VARIABLE`). */
export const TRACE_KINDS_VARIABLE = 'BOOK_TRACE_KINDS';

/**
 * The folder core records one example's runs into, emptied before each run: every kind of span
 * (`--trace`), or only `kinds` (what the declaration's event checks read, on every run).
 */
export class Recording {
  readonly directory = mkdtempSync(join(tmpdir(), 'mc-trace-'));

  constructor(readonly kinds?: readonly SpanKind[]) {}

  /** What the example's environment needs for core to record into this folder. */
  environment(): Record<string, string> {
    return {
      [TRACE_DIRECTORY_VARIABLE]: this.directory,
      ...(this.kinds ? { [TRACE_KINDS_VARIABLE]: this.kinds.join(',') } : {}),
    };
  }

  /** Empties the folder before a run. */
  reset(): void {
    rmSync(this.directory, { recursive: true, force: true });
    mkdirSync(this.directory, { recursive: true });
  }

  /** The run's records merged; spans still open when it was stopped end at `stoppedAt`. */
  merge(run: RunResult, stoppedAt: number): Trace {
    const stopped = run.timedOut || run.interrupted;
    return mergeTrace(this.directory, stopped ? stoppedAt : undefined);
  }

  dispose(): void {
    rmSync(this.directory, { recursive: true, force: true });
  }
}

/** Where `--trace` writes an example's timeline, and the checks judged on it. */
export class TraceOutput {
  constructor(
    private readonly outputDir: string,
    private readonly name: string,
    private readonly title: string,
    private readonly checks: readonly TraceCheck[],
  ) {}

  /** Writes the JSON and the SVG of a run's trace and judges the declared trace checks. */
  write(trace: Trace): TraceReport {
    mkdirSync(this.outputDir, { recursive: true });
    const json = join(this.outputDir, `${this.name}.json`);
    const svg = join(this.outputDir, `${this.name}.svg`);
    writeFileSync(json, JSON.stringify(traceEventFormat(trace)));
    writeFileSync(svg, renderTraceSvg(trace, this.title));
    return {
      json: relative(repoRoot, json),
      svg: relative(repoRoot, svg),
      spans: trace.spans.length,
      lanes: trace.lanes.length,
      checks: this.checks.map((check) => ({ check: describeCheck(check), ...judge(check, trace) })),
    };
  }
}

/** Now, in the recorders' clock: microseconds since the epoch, monotonic since this process began. */
export function traceClock(): number {
  return Math.round((performance.timeOrigin + performance.now()) * 1000);
}
