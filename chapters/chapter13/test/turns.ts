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

/** A turn, as the programs print it: `Reading being done by Thread-1:`, `Writing ... Thread-4.` */
const TURN = /^(Reading|Writing) being done by (Thread-\d+)[:.]$/;

/**
 * Starts `node dist/<name>.js`, lets it run until it has printed `wanted` turns, kills it as a
 * reader's Ctrl+C would end it, and counts the turns its output shows (the line the kill cut short
 * left out). A run is so many turns, not so many seconds: on a loaded machine the program gets
 * less CPU and takes longer over them, but shows the same. The program runs for ever, as the
 * book's; the test watches it from outside.
 */
export async function countTurns(
  name: string,
  wanted = 500,
): Promise<{ code: number | null; stdout: string; stderr: string } & Turns> {
  const run = startExample(packageDir, name);
  let seen = 0;
  let looked = 0;
  await run.until(() => {
    const lines = run.lines();
    for (; looked < lines.length; looked++) if (TURN.test(lines[looked] as string)) seen += 1;
    return seen >= wanted;
  }, `${wanted} turns`);
  const { code } = await run.stop('SIGKILL');
  const { stdout, stderr } = run;
  const lines = stdout.split('\n').slice(0, -1);
  const turns: ['read' | 'write', string][] = [];
  const reads = new Map<string, number>();
  const writes = new Map<string, number>();
  for (const line of lines) {
    const match = TURN.exec(line);
    if (!match) continue;
    const kind = match[1] === 'Reading' ? 'read' : 'write';
    const name = match[2] as string;
    turns.push([kind, name]);
    const counts = kind === 'read' ? reads : writes;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return { code, stdout, stderr, lines, turns, reads, writes };
}
