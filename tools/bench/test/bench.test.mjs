// The benchmark scripts' contract: figures read from a program's output, and one line with exit
// status 2 for every bad argument (1 for a program that cannot run).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PATTERN, figures, ratioOf } from '../figures.mjs';
import { evaluate, figureOf, spreadOf, summary, warmUpOf } from '../measures.mjs';

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

  it("reads Chapter 15's `Took  X seconds.` (no colon, Python's sign space), as medians.mjs does", () => {
    const found = figures(
      'Sequential program finished.\nTook  5.07 seconds.\nHeartbeat: 0 ticks of 10 ms; CPU time 5.01 s, wall 5.07 s.\n' +
        'Concurrent program finished.\nTook  4.40 seconds.\n',
    );
    expect(ratioOf(found, 'Took#1/Took#2')).toBeCloseTo(5.07 / 4.4);
  });
});

describe('figures with a pattern', () => {
  it("reads the book's timing lines with or without a colon, Python's sign space included", () => {
    const found = figures(
      'Sequential program finished.\nTook  1.13 seconds.\nTook  1.11 seconds.\n' +
        'Number of threads: 1\nTime taken:  0.11 seconds.\nTook: 0.7500 seconds.\n',
      DEFAULT_PATTERN,
    );
    expect([...found]).toEqual([
      ['Took#1', 1.13],
      ['Took#2', 1.11],
      ['Time taken#1', 0.11],
      ['Took#3', 0.75],
    ]);
  });

  it('reads a list of seconds as successive occurrences of its label', () => {
    const pattern = String.raw`^(?:PLOT )?(?<label>Single counter|Approximate counter)(?: times:)? (?<seconds>[\d., ]+?)(?: seconds\.)?$`;
    const found = figures(
      'Single counter times: 0.12, 0.23 seconds.\nPLOT Approximate counter 0.12 0.13\n',
      pattern,
    );
    expect([...found]).toEqual([
      ['Single counter#1', 0.12],
      ['Single counter#2', 0.23],
      ['Approximate counter#1', 0.12],
      ['Approximate counter#2', 0.13],
    ]);
  });
});

describe('bad arguments', () => {
  it.each([
    ['scaling.mjs', ['--runs', '0'], /--runs must be at least 1/],
    ['scaling.mjs', ['--python', '/nonexistent/book'], /no such folder/],
    ['scaling.mjs', ['--example', 'example1'], /chapterNN\/name/],
    ['scaling.mjs', ['--bogus', '1'], /unknown option --bogus/],
    ['scaling.mjs', ['--runs'], /--runs needs a value/],
    [
      'twins.mjs',
      ['--python', '/nonexistent/book', '--example', 'chapter15/example3'],
      /no such folder/,
    ],
    ['twins.mjs', ['--example', 'chapter15/example3'], /--python DIR is required/],
    ['twins.mjs', ['--example', 'x', '--python', '.'], /chapterNN\/name/],
    [
      'twins.mjs',
      ['--example', 'chapter15/example3', '--python', '.', '--ratio', 'Took'],
      /is not 'A#i\/B#j'/,
    ],
    ['medians.mjs', [], /no script given/],
    ['medians.mjs', ['--ratio', 'Took', 'x.js'], /is not 'A#i\/B#j'/],
    ['medians.mjs', ['no-such-script.js'], /no such script/],
    ['start-up.mjs', [], /no command given/],
    ['start-up.mjs', ['--runs', '0', 'node -e 0'], /--runs must be at least 1/],
    ['start-up.mjs', ['A=1'], /'A=1' names no program/],
  ])(
    '%s %j: one line, exit 2',
    (name, args, message) => {
      const { status, lines } = run(name, args);
      expect(status).toBe(2);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(message);
    },
    60_000,
  );

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

  it('start-up.mjs: times each command alternately, with its own environment, and names one that fails', () => {
    const probe = fileURLToPath(new URL('./fixtures/fails.mjs', import.meta.url));
    // Exits 4 (a failed run) unless its environment reached it.
    const probeEnv = 'MC_PROBE=1 node -e process.exit(process.env.MC_PROBE?0:4)';
    const timed = run('start-up.mjs', ['--runs', '2', 'node -e 0', probeEnv]);
    expect(timed.status).toBe(0);
    expect(timed.stdout).toMatch(/median of 2 alternated rounds/);
    expect(timed.stdout).toContain(`\n${probeEnv}  `);
    const failed = run('start-up.mjs', ['--runs', '1', `node ${probe}`]);
    expect(failed.status).toBe(1);
    expect(failed.lines).toEqual([expect.stringMatching(/fails\.mjs' failed: exit 3$/)]);
  }, 60_000);
});

describe('pnpm bench (bench.mjs, measures.mjs)', () => {
  const round = (node, python) =>
    new Map([
      ['node', new Map(Object.entries(node))],
      ['python', new Map(Object.entries(python))],
    ]);
  const rounds = [
    round({ 'T#1': 2, 'T#2': 1, wall: 4 }, { 'T#1': 2, 'T#2': 1.25, wall: 1 }),
    round({ 'T#1': 4, 'T#2': 1, wall: 9 }, { 'T#1': 3, 'T#2': 1, wall: 3 }),
    round({ 'T#1': 3, 'T#2': 2, wall: 2 }, { 'T#1': 1, 'T#2': 1, wall: 1 }),
  ];

  it('compares run by run: the median of the rounds’ twin/original ratios, against its target', () => {
    const [speedup, wall, own] = evaluate(
      [
        { label: 's', of: 'T#1/T#2', compare: 'twin/original', atLeast: 1 },
        { label: 'w', of: 'wall', compare: 'twin/original', atMost: 2 },
        { label: 'o', of: 'T#2/T#1', compare: 'twin', atMost: 0.4 },
      ],
      rounds,
    );
    // Speedups: twin 2, 4, 1.5; original 1.6, 3, 1; ratios 1.25, 1.333, 1.5.
    expect(speedup.twin).toMatchObject({ median: 2, min: 1.5, max: 4 });
    expect(speedup.value.median).toBeCloseTo(4 / 3);
    expect(speedup.met).toBe(true);
    // Walls: ratios 4, 3, 2 -> 3, above 2; the ratio of the medians (4 / 1) would say 4.
    expect(wall.value.median).toBe(3);
    expect(wall.met).toBe(false);
    // The twin's own: 0.5, 0.25, 0.667 -> 0.5, above 0.4; no original needed.
    expect(own.value.median).toBe(0.5);
    expect(own.met).toBe(false);
  });

  it('leaves a measure without figures unjudged, and reads a spread as range over median', () => {
    const [missing] = evaluate([{ label: 'm', of: 'X#1', compare: 'twin/original' }], rounds);
    expect(missing).toMatchObject({ twin: null, original: null, value: null, met: null });
    const [untargeted] = evaluate([{ label: 'u', of: 'wall', compare: 'twin/original' }], rounds);
    expect(untargeted.value.median).toBe(3);
    expect(untargeted.met).toBeNull();
    expect(spreadOf(summary([1, 2, 3]))).toBe(1);
    expect(figureOf(new Map([['A#1', 3]]), 'A#1/B#1')).toBeNaN();
  });

  it.each([['chapter99'], ['--runs', '0'], ['--python', '/no/such/folder'], ['--bogus']])(
    'bench.mjs %j: one line, exit 2',
    (...args) => {
      const { status, lines } = run('bench.mjs', args);
      expect(status).toBe(2);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^bench: .*usage: pnpm bench/);
    },
    60_000,
  );
});

describe('warmUpOf', () => {
  it("says a twin benchmark's warm-up round, and for a script only what its declaration says", () => {
    expect(warmUpOf({ kind: 'twin' })).toBe('one round of each side');
    expect(warmUpOf({ kind: 'script', warmUp: 'one run of each side' })).toBe(
      'one run of each side',
    );
    expect(warmUpOf({ kind: 'script' })).toBe('none added (the script may warm up inside a run)');
  });
});
