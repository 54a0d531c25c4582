#!/usr/bin/env node
// `pnpm dev chapterNN/name [args...]`: runs the example's TypeScript source with tsx, and again
// each time a file it imports is saved (`tsx watch`). `--once` runs it once. The packages it
// imports (@mc/core, @mc/primes...) are built first, quietly; worker modules run as compiled
// JavaScript (see the root README).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const USAGE = 'usage: pnpm dev chapterNN/name [--once] [args for the example...]';

/**
 * A bad command line: one line, exit 2.
 * @param {string} problem
 * @returns {never}
 */
function refuse(problem) {
  process.stderr.write(`dev: ${problem}; ${USAGE}\n`);
  process.exit(2);
}

/**
 * The programs of a chapter: its `src/*.ts` files that run under `isMain`, by name.
 * @param {string} chapterDir
 */
function programsOf(chapterDir) {
  const src = join(chapterDir, 'src');
  if (!existsSync(src)) return [];
  return readdirSync(src)
    .filter((file) => file.endsWith('.ts'))
    .filter((file) => readFileSync(join(src, file), 'utf8').includes('isMain(import.meta.url)'))
    .map((file) => file.slice(0, -'.ts'.length))
    .sort();
}

function chapters() {
  return readdirSync(join(root, 'chapters'))
    .filter((name) => /^chapter\d+$/.test(name))
    .sort();
}

const args = process.argv.slice(2);
const once = args[0] === '--once';
if (once) args.shift();
const [target, ...exampleArgs] = args;
if (target === undefined) refuse('name an example');
const [chapter = '', rawName = ''] = String(target).split('/', 2);
if (!chapters().includes(chapter)) {
  refuse(`unknown chapter '${chapter}'; valid chapters: ${chapters().join(', ')}`);
}
const chapterDir = join(root, 'chapters', chapter);
const name = rawName.replace(/\.(ts|js|py)$/, '');
const programs = programsOf(chapterDir);
if (!programs.includes(name)) {
  refuse(`unknown example '${name}' in ${chapter}; valid examples: ${programs.join(', ')}`);
}

// What the example imports must be compiled: packages resolve to their dist/ (quiet unless it fails).
const build = spawnSync(
  process.execPath,
  [fileURLToPath(new URL('./quiet-build.mjs', import.meta.url)), `--filter=${chapter}^...`],
  { stdio: 'inherit' },
);
if (build.status !== 0) process.exit(build.status ?? 1);

const tsx = createRequire(import.meta.url).resolve('tsx/cli');
const mode = once ? [] : ['watch', '--clear-screen=false'];
const child = spawn(process.execPath, [tsx, ...mode, join('src', `${name}.ts`), ...exampleArgs], {
  cwd: chapterDir,
  stdio: 'inherit',
});
// Ctrl-C reaches tsx too (same terminal); its exit status becomes this one's.
process.on('SIGINT', () => {});
child.on('exit', (code, signal) => {
  process.exitCode = code ?? (signal === 'SIGINT' ? 130 : 1);
});
