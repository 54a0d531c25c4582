#!/usr/bin/env node
/**
 * `pnpm timelines`: runs the defining example of each chapter whose lesson a timeline shows, at
 * the book's timings, with `--trace`; copies each SVG beside its chapter's README
 * (`chapters/chapterNN/timeline-<example>.svg`) and writes the README's "Timeline" section
 * between its markers (added before "What to try", or at the end, the first time). Nothing in
 * those sections is drawn or written by hand.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defaultChaptersRoot, repoRoot, runnerRoot } from './paths.js';

/** Each chapter's defining example, and what its timeline shows, in a sentence. */
export const TIMELINES: readonly { chapter: string; example: string; shows: string }[] = [
  {
    chapter: 'chapter02',
    example: 'example1',
    shows:
      'the prime search on a pool of one worker, then of two: with two, both workers compute (blue) at the same time, each its own thread with its own engine.',
  },
  {
    chapter: 'chapter03',
    example: 'example1',
    shows:
      'threads A and B sleep (yellow) at the same time, turn after turn: the two countdowns take the time of one.',
  },
  {
    chapter: 'chapter05',
    example: 'example3',
    shows:
      'the six requests (dark blue) first one after the other on the main thread, then from a thread each, all in flight together.',
  },
  {
    chapter: 'chapter06',
    example: 'example3',
    shows:
      'the main program and its child, a real process with its own pid, alive from start() to its exit.',
  },
  {
    chapter: 'chapter10',
    example: 'example2',
    shows:
      'three asyncio tasks under way at once on one thread; their sleeps (yellow, on the main thread where the loop runs them) take turns.',
  },
  {
    chapter: 'chapter12',
    example: 'example1',
    shows:
      'each thread holds one lock (green strip) and waits for the other (red) until the run is stopped; the red arrows mark the wait-for cycle.',
  },
  {
    chapter: 'chapter13',
    example: 'example1',
    shows:
      'the readers keep the resource held (green) while the writers wait for it (red) until the run is stopped: the writers starve.',
  },
  {
    chapter: 'chapter15',
    example: 'example3',
    shows:
      'the countdown alone, then in two threads one after the other on the main thread, then on the pool\u2019s two workers at the same time.',
  },
];

const START = '<!-- timeline:start (written by `pnpm timelines`) -->';
const END = '<!-- timeline:end -->';

/** The README's Timeline section for one chapter. */
export function timelineSection(chapter: string, example: string, shows: string): string {
  return [
    START,
    '## Timeline',
    '',
    `\`pnpm --filter ${chapter} start ${example} --trace\` records every thread, task, process and worker of the run ` +
      `(\`reports/traces/${chapter}-${example}.json\`, which opens in Perfetto) and draws it. Here, ${shows}`,
    '',
    `![timeline of ${chapter}/${example}](timeline-${example}.svg)`,
    END,
  ].join('\n');
}

/** Puts `section` between the markers of `readme`, or before "## What to try", or at the end. */
export function placeSection(readme: string, section: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start >= 0 && end > start)
    return readme.slice(0, start) + section + readme.slice(end + END.length);
  const whatToTry = readme.indexOf('\n## What to try');
  if (whatToTry >= 0)
    return `${readme.slice(0, whatToTry + 1)}${section}\n\n${readme.slice(whatToTry + 1)}`;
  return `${readme.trimEnd()}\n\n${section}\n`;
}

function main(): number {
  const selection = TIMELINES.map(({ chapter, example }) => `${chapter}/${example}`);
  const reports = join(repoRoot, 'reports');
  const run = spawnSync(
    process.execPath,
    [
      resolve(runnerRoot, 'dist/cli.js'),
      ...selection,
      '--trace',
      '--time-scale',
      '1',
      '--json',
      join(reports, 'timelines.json'),
      '--markdown',
      join(reports, 'timelines.md'),
    ],
    { stdio: 'inherit' },
  );
  let missing = 0;
  for (const { chapter, example, shows } of TIMELINES) {
    const svg = join(reports, 'traces', `${chapter}-${example}.svg`);
    const dir = join(defaultChaptersRoot, chapter);
    if (!existsSync(svg)) {
      process.stderr.write(`timelines: no timeline for ${chapter}/${example}\n`);
      missing += 1;
      continue;
    }
    copyFileSync(svg, join(dir, `timeline-${example}.svg`));
    const readme = join(dir, 'README.md');
    writeFileSync(
      readme,
      placeSection(readFileSync(readme, 'utf8'), timelineSection(chapter, example, shows)),
    );
  }
  return run.status !== 0 || missing > 0 ? 1 : 0;
}

process.exitCode = main();
