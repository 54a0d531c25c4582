import { fileURLToPath } from 'node:url';
import { type ExampleRun, runExample as runCompiled } from '@mc/testing';

export const packageDir = fileURLToPath(new URL('..', import.meta.url));

/** Runs `node dist/<name>.js args` of this chapter, as the runner does. */
export function runExample(name: string, args: readonly string[] = []): Promise<ExampleRun> {
  return runCompiled(packageDir, name, { args, limitSeconds: 30 });
}

/** The number a line `<prefix> N.` of the run gives. */
export function finalNumber(run: ExampleRun, prefix: string): number {
  const line = run.lines.find((one) => one.startsWith(prefix));
  const match = line && new RegExp(`^${prefix} (\\d+)\\.$`).exec(line);
  if (!match) throw new Error(`no line '${prefix} N.' in:\n${run.stdout}${run.stderr}`);
  return Number(match[1]);
}
