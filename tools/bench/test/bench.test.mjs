// The benchmark scripts' contract: figures read from a program's output, and one line with exit
// status 2 for every bad argument (1 for a program that cannot run).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { figures, ratioOf } from '../figures.mjs';

const script = (name) => fileURLToPath(new URL(`../${name}`, import.meta.url));

function run(name, args) {
  const { status, stdout, stderr } = spawnSync(process.execPath, [script(name), ...args], {
    encoding: 'utf8',
  });
  return { status, stdout, lines: stderr.trimEnd().split('\n') };
}

describe('figures', () => {
  it('keys every `Label: X seconds.` line by its occurrence and ignores the rest', () => {
    const found = figures(
      'Number of workers: 1.\nSub took: 0.7000 seconds.\nTook: 0.7500 seconds.\n' +
        'Number of workers: 2.\nSub took: 0.3500 seconds.\nTook: 0.4000 seconds.\n',
    );
    expect([...found]).toEqual([
      ['Sub took#1', 0.7],
      ['Took#1', 0.75],
      ['Sub took#2', 0.35],
      ['Took#2', 0.4],
    ]);
    expect(ratioOf(found, 'Sub took#1/Sub took#2')).toBe(2);
    expect(ratioOf(found, 'Sub took#1/Sub took#3')).toBeNaN();
  });
});

describe('bad arguments', () => {
  it.each([
    ['scaling.mjs', ['--runs', '0'], /--runs must be at least 1/],
    ['scaling.mjs', ['--python', '/nonexistent/book'], /no such folder/],
    ['scaling.mjs', ['--example', 'example1'], /chapterNN\/name/],
    ['scaling.mjs', ['--bogus', '1'], /unknown option --bogus/],
    ['scaling.mjs', ['--runs'], /--runs needs a value/],
    ['medians.mjs', [], /no script given/],
    ['medians.mjs', ['--ratio', 'Took', 'x.js'], /is not 'A#i\/B#j'/],
    ['medians.mjs', ['no-such-script.js'], /no such script/],
  ])('%s %j: one line, exit 2', (name, args, message) => {
    const { status, lines } = run(name, args);
    expect(status).toBe(2);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });

  it('says in one line, exit 1, that a twin is not built', () => {
    const { status, lines } = run('scaling.mjs', ['--example', 'chapter99/example1']);
    expect(status).toBe(1);
    expect(lines).toEqual([expect.stringMatching(/chapter99.*build it first/)]);
  });

  it('says in one line, exit 1, that the measured program failed', () => {
    const failing = fileURLToPath(new URL('./fixtures/fails.mjs', import.meta.url));
    const { status, lines } = run('medians.mjs', ['--runs', '1', failing]);
    expect(status).toBe(1);
    expect(lines).toEqual([expect.stringMatching(/fails\.mjs exited 3: Error: broken on purpose/)]);
  });
});
