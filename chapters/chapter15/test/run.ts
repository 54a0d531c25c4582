import { fileURLToPath } from 'node:url';
import { type ExampleRun, runExample as runCompiled } from '@mc/testing';

export const packageDir = fileURLToPath(new URL('..', import.meta.url));

/** Runs `node dist/<name>.js args` of this chapter, as the runner does. */
export function runExample(name: string, args: readonly string[] = []): Promise<ExampleRun> {
  return runCompiled(packageDir, name, { args, limitSeconds: 60 });
}

/** What a `Heartbeat: ...` line says. */
export interface PulseLine {
  readonly ticks: number;
  readonly cpuSeconds: number;
  readonly wallSeconds: number;
}

const pulsePattern =
  /^Heartbeat: (\d+) ticks of 10 ms; CPU time (\d+\.\d\d) s, wall (\d+\.\d\d) s\.$/;

/** The heartbeat lines of an example's output, in order. */
export function pulses(lines: readonly string[]): PulseLine[] {
  return lines
    .map((line) => pulsePattern.exec(line))
    .filter((match) => match !== null)
    .map(([, ticks, cpu, wall]) => ({
      ticks: Number(ticks),
      cpuSeconds: Number(cpu),
      wallSeconds: Number(wall),
    }));
}

/** A `Took  1.13 seconds.` line: two spaces (Python's sign space), two decimals. */
export const took = /^Took {2}\d+\.\d\d seconds\.$/;
