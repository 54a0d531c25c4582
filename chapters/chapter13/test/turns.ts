import { captureLines } from '@mc/testing';

/** Who read and who wrote in a bounded run, in print order. */
export interface Turns {
  readonly lines: string[];
  /** `['read', 'Thread-1']` for each `Reading being done by Thread-1:` line, and so on. */
  readonly turns: ['read' | 'write', string][];
  /** Turns per thread name. */
  readonly reads: Map<string, number>;
  readonly writes: Map<string, number>;
}

/** Runs an example's `main(seconds)` in this process and counts the turns it printed. */
export async function countTurns(
  main: (seconds?: number) => Promise<void>,
  seconds = 1,
): Promise<Turns> {
  const { lines } = await captureLines(() => main(seconds));
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
  return { lines, turns, reads, writes };
}
