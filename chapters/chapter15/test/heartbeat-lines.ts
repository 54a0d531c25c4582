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
