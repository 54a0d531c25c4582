#!/usr/bin/env node
// Checks every Markdown file of the repository (run by `pnpm lint`, after biome) for references a
// reader cannot follow:
// - a relative Markdown link `[text](path)` to a file or folder that does not exist;
// - a backticked path such as `src/example1.ts` or `tools/runner/README.md` that exists neither
//   beside the Markdown file, nor in its package (or the package's src/), nor from the root;
// - a reference to an issue number: the issues live outside the repository, where readers cannot see them.
// Paths of generated folders (dist/, reports/, output/, node_modules/, and any path git ignores,
// such as the tiles Chapter 8 generates), the book's own files
// (`Chapter04/example1.py`) and templates (`output1/sample{i}.txt`, `src/<name>.ts`) are not checked.
// Prints one line per problem, `file:line: message`, and exits 1 if there is any.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Tracked and new (not ignored) Markdown files, relative to the root. */
function markdownFiles() {
  const listed = execFileSync(
    'git',
    ['ls-files', '--cached', '--others', '--exclude-standard', '*.md'],
    { cwd: root, encoding: 'utf8' },
  );
  return listed.split('\n').filter((file) => file && existsSync(join(root, file)));
}

/** The folder of the nearest package.json above `file` (within the root), or the root. */
function packageDir(file) {
  for (let dir = dirname(join(root, file)); dir.startsWith(root); dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dir === root) break;
  }
  return root;
}

const markdownLink = /\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g;
const backticked = /`([^`\n]+)`/g;
/** A path: path characters only, a slash, and a file extension or a final slash (a folder). */
const looksLikePath = /^(?:\.{1,2}\/)?[\w@.-]+(?:\/[\w@.-]+)+(?:\.[a-z]+|\/)$|^[\w@.-]+\/$/;
const generated = /(?:^|\/)(?:dist|reports|output\d*|node_modules)(?:\/|$)/;
const bookFile = /^Chapter\d\d\//;
const issueReference = /\b(?:issue|issues|PR|pull request)\s*#?\d+\b|(?:^|[\s(])#\d+\b/i;

function isExternal(target) {
  return /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#');
}

/**
 * Where a backticked path may be found: beside the Markdown file, in its package or the package's
 * `src/` (a package README names its modules so), or from the repository root.
 */
function pathExists(file, path) {
  const bases = [dirname(join(root, file)), packageDir(file), join(packageDir(file), 'src'), root];
  return bases.some((base) => existsSync(join(base, path)) || gitIgnores(join(base, path)));
}

/** True when git ignores `absolute` (a folder a program generates, whether or not it exists yet). */
function gitIgnores(absolute) {
  try {
    execFileSync('git', ['check-ignore', '--quiet', '--no-index', absolute], { cwd: root });
    return true;
  } catch {
    return false;
  }
}

const problems = [];
for (const file of markdownFiles()) {
  let fenced = false;
  const lines = readFileSync(join(root, file), 'utf8').split('\n');
  lines.forEach((line, index) => {
    const where = `${file}:${index + 1}`;
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      return;
    }
    if (fenced) return;
    if (issueReference.test(line)) {
      problems.push(`${where}: names an issue number, which readers of the repository cannot see`);
    }
    for (const [, target] of line.matchAll(markdownLink)) {
      if (isExternal(target)) continue;
      const path = decodeURIComponent(target.split('#')[0] ?? '');
      if (path && !existsSync(resolve(dirname(join(root, file)), path))) {
        problems.push(`${where}: link to ${target}, which does not exist`);
      }
    }
    const withoutLinks = line.replace(markdownLink, (link) => link.replace(/\(.*\)$/, ''));
    for (const [, text] of withoutLinks.matchAll(backticked)) {
      const path = text.trim();
      if (!looksLikePath.test(path) || path.startsWith('@')) continue;
      if (generated.test(path) || bookFile.test(path)) continue;
      if (!pathExists(file, path)) problems.push(`${where}: \`${path}\` does not exist`);
    }
  });
}

for (const problem of problems) console.error(problem);
if (problems.length > 0) {
  console.error(`check-links: ${problems.length} broken reference(s) in Markdown files`);
  process.exit(1);
}
console.log('check-links: every relative link and backticked path in the Markdown files exists');
