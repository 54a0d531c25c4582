import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// `pnpm typecheck` checks the whole repository in one program and resolves a workspace package to
// its sources through the `source` export condition. An entry without it would resolve to its
// built declarations instead: checked against a stale (or missing) dist/, silently.
const root = join(import.meta.dirname, '..', '..', '..');

function workspacePackages(): string[] {
  return ['chapters', 'packages', 'tools'].flatMap((group) =>
    readdirSync(join(root, group))
      .map((name) => join(root, group, name))
      .filter((dir) => existsSync(join(dir, 'package.json'))),
  );
}

describe('the one typecheck', () => {
  it('finds every export of every workspace package in its sources', () => {
    const missing: string[] = [];
    for (const dir of workspacePackages()) {
      const { name, exports = {} } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      for (const [entry, conditions] of Object.entries(exports as Record<string, object>)) {
        const source = (conditions as { source?: string }).source;
        if (source === undefined || !existsSync(join(dir, source)))
          missing.push(`${name} ${entry}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
