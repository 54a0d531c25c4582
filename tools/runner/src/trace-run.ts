/**
 * `--trace` for one example: the folder its processes and worker threads record into (core reads
 * BOOK_TRACE_DIR), then, after each run, the merged trace and its timeline written to
 * `reports/traces/<chapter>-<example>.json` and `.svg`, and the declared checks judged from it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { ExampleDeclaration, TraceCheck } from './declare.js';
import { repoRoot } from './paths.js';
import type { RunResult } from './run-example.js';
import { judge, mergeTrace, traceEventFormat } from './trace.js';
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

/** One check in words, as the report names it: `overlap sleep on 2 lanes`. */
export function describeCheck(check: TraceCheck): string {
  const named = 'named' in check && check.named ? ` named ${check.named.source}` : '';
  if ('overlap' in check)
    return `${check.overlap} at once on ${check.lanes} ${check.across === 'isolates' ? 'threads or processes' : 'lanes'}${named}`;
  if ('serial' in check) return `${check.serial} never at once on two lanes${named}`;
  if ('processes' in check) return `${check.processes} child process(es)`;
  if ('waitsWhileHeld' in check) return `a wait for ${check.waitsWhileHeld} while another holds it`;
  return 'a lock-wait cycle at the stop';
}

/** The base name of an example's trace files; an example declared twice gets its arguments. */
export function traceName(chapter: string, example: ExampleDeclaration, twice: boolean): string {
  const suffix = twice && example.args?.length ? `-${example.args.join('-')}` : '';
  return `${chapter}-${example.name}${suffix}`.replace(/[^A-Za-z0-9._-]+/g, '_');
}

/** A traced example: a fresh recording folder for each run, and what to do with it after. */
export class TracedExample {
  readonly directory = mkdtempSync(join(tmpdir(), 'mc-trace-'));

  constructor(
    private readonly outputDir: string,
    private readonly name: string,
    private readonly title: string,
    private readonly checks: readonly TraceCheck[],
  ) {}

  /** Empties the recording folder before a run. */
  reset(): void {
    rmSync(this.directory, { recursive: true, force: true });
    mkdirSync(this.directory, { recursive: true });
  }

  /** Merges the run's records, writes the JSON and the SVG, judges the checks. */
  finish(run: RunResult, stoppedAt: number): TraceReport {
    const stopped = run.timedOut || run.interrupted;
    const trace = mergeTrace(this.directory, stopped ? stoppedAt : undefined);
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

  dispose(): void {
    rmSync(this.directory, { recursive: true, force: true });
  }
}

/** Now, in the recorders' clock: microseconds since the epoch, monotonic since this process began. */
export function traceClock(): number {
  return Math.round((performance.timeOrigin + performance.now()) * 1000);
}
