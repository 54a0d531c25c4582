import { setTimeout as pause } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { startExample } from '@mc/testing';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

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
 * Starts `node dist/<name>.js`, lets it run `seconds` from its first turn (Node's start is not
 * counted: it can take seconds on a loaded machine), kills it as a reader's Ctrl+C would end it,
 * and counts the turns its output shows (the line the kill cut short left out). The program runs
 * for ever, as the book's; the test watches it from outside.
 */
export async function countTurns(
  name: string,
  seconds = 1,
): Promise<{ code: number | null; stdout: string; stderr: string } & Turns> {
  const run = startExample(packageDir, name);
  await run.printed(' being done by ');
  await pause(seconds * 1000);
  const { code } = await run.stop('SIGKILL');
  const { stdout, stderr } = run;
  const lines = stdout.split('\n').slice(0, -1);
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
  return { code, stdout, stderr, lines, turns, reads, writes };
}
