import { fileURLToPath } from 'node:url';
import { type ExampleRun, runExample as runCompiled } from '@mc/testing';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

/** Runs `node dist/<name>.js` of this chapter, killed (code null) after `limitSeconds`. */
export function runExample(name: string, limitSeconds: number): Promise<ExampleRun> {
  return runCompiled(packageDir, name, { limitSeconds });
}

/** Who read and who wrote in a bounded run, in print order. */
export interface Turns {
  readonly lines: string[];
  /** `['read', 'Thread-1']` for each `Reading being done by Thread-1:` line, and so on. */
  readonly turns: ['read' | 'write', string][];
  /** Turns per thread name. */
  readonly reads: Map<string, number>;
  readonly writes: Map<string, number>;
}

/**
 * Runs `node dist/<name>.js` for `seconds`, as a reader would before pressing Ctrl-C, and counts
 * the turns its output shows (the line the kill cut short left out). The program runs for ever,
 * as the book's; the test watches it from outside.
 */
export async function countTurns(name: string, seconds = 2): Promise<ExampleRun & Turns> {
  const run = await runExample(name, seconds);
  const lines = run.stdout.split('\n').slice(0, -1);
  const turns: ['read' | 'write', string][] = [];
  const reads = new Map<string, number>();
  const writes = new Map<string, number>();
  for (const line of lines) {
    const match = /^(Reading|Writing) being done by (Thread-\d+)[:.]$/.exec(line);
    if (!match) continue;
    const kind = match[1] === 'Reading' ? 'read' : 'write';
    const name = match[2] as string;
    turns.push([kind, name]);
    const counts = kind === 'read' ? reads : writes;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return { ...run, lines, turns, reads, writes };
}
