// Under `pnpm mutate` only (vitest.stryker.config.ts): Stryker switches a mutant on inside the
// test process, but core's child processes (Process, Pool, the runMain fixtures) run their own copy
// of the instrumented code. Instrumented code reads the active mutant from this variable when its
// process has none, and forked children inherit the environment: so the mutant is on there too.
import { beforeEach } from 'vitest';

const VARIABLE = '__STRYKER_ACTIVE_MUTANT__';

beforeEach(() => {
  const active = (globalThis as { __stryker__?: { activeMutant?: string } }).__stryker__
    ?.activeMutant;
  if (active === undefined) delete process.env[VARIABLE];
  else process.env[VARIABLE] = active;
});
