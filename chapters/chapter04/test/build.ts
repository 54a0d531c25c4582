import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

/** Vitest global setup: compiles src/ to dist/, so the process tests run the current examples. */
export default function build(): void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
}
