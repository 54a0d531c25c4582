import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultChaptersRoot, repoRoot, runnerRoot } from '../src/paths.js';

describe('paths', () => {
  it('finds the repository root from the runner file itself, whatever the cwd', () => {
    expect(existsSync(join(repoRoot, 'pnpm-workspace.yaml'))).toBe(true);
    expect(existsSync(join(runnerRoot, 'package.json'))).toBe(true);
    expect(defaultChaptersRoot).toBe(join(repoRoot, 'chapters'));
  });
});
