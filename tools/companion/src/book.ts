import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  type ChapterDeclaration,
  type ClientScript,
  type ComparisonReport,
  compareExamples,
  type DiscoveredChapter,
  discoverChapters,
  type ExampleDeclaration,
  loadBookFigures,
  type ReportRow,
} from '@mc/runner';
import { notesFor, type ReadmeNotes, readmeNotes } from './readme.js';

/** Where the last run shown comes from: `pnpm start`'s report, or a run on this page. */
export interface LastRunSource {
  readonly kind: 'start' | 'companion';
  /** When its report was written (ISO). */
  readonly at: string;
}

/** One book file of a chapter: every declaration of it (a file may be declared twice with other arguments). */
export interface BookFile {
  readonly name: string;
  readonly bookFile: string;
  readonly section: string;
  readonly declarations: readonly ExampleDeclaration[];
  /** The twin's source (`src/<name>.ts`), or null when the chapter has none of that name. */
  readonly source: string | null;
  /** What the chapter README says about this file (Markdown): its line and its deviations. */
  readonly notes: string;
  /** Rows of the last report for this file, one per declaration that ran. */
  readonly lastRun: readonly ReportRow[];
  readonly lastRunSource?: LastRunSource;
  /** The book's figure for it, in words. */
  readonly bookFigure?: string;
  /** The declared client script when the example is a server. */
  readonly client?: ClientScript;
  /** The book's original from the reader's checkout (`--python`), when found there. */
  readonly python?: { readonly path: string; readonly source: string };
  /** `reports/traces/<chapter>-<name>.svg` exists: the file name under `traces/`. */
  readonly timeline?: string;
  /** Output of the last live run from the companion, when there was one. */
  readonly liveOutput?: string;
}

export interface Chapter {
  /** `chapter03`. */
  readonly name: string;
  /** `3`. */
  readonly number: number;
  readonly title: string;
  readonly sections: readonly string[];
  readonly files: readonly BookFile[];
  /** The README's chapter-wide explanation of where Node differs (Markdown), if it has one. */
  readonly differs: string;
  readonly comparisons: readonly ComparisonReport[];
}

export interface BookPaths {
  /** The repository root. */
  readonly root: string;
  /** The reader's checkout of the book's code (`--python`). */
  readonly python?: string;
  /** Where the companion keeps its live runs (default `reports/companion`; tests use their own). */
  readonly live?: string;
}

/** Where the last `pnpm start` report is, and where the companion keeps its own runs. */
export const reportsDir = (root: string): string => join(root, 'reports');
export const tracesDir = (root: string): string => join(root, 'reports', 'traces');

/**
 * Where timelines are: the runner writes them beside its Markdown report (`traces/`), so
 * `pnpm start --trace` leaves them in `reports/traces`, and the companion's live runs in
 * `reports/companion/traces`.
 */
export const timelineDirs = (paths: BookPaths): string[] => [
  join(liveDir(paths), 'traces'),
  tracesDir(paths.root),
];

/** The newest timeline file of that name (`chapter03-example1.svg`), or undefined. */
export function findTimeline(paths: BookPaths, name: string): string | undefined {
  let best: { file: string; mtime: number } | undefined;
  for (const dir of timelineDirs(paths)) {
    const file = join(dir, name);
    const modified = mtime(file);
    if (modified > 0 && (!best || modified > best.mtime)) best = { file, mtime: modified };
  }
  return best?.file;
}

/** What `--trace` adds to a row (the runner's `TraceReport`): the timeline and the checks judged on it. */
export interface TraceFacts {
  readonly svg: string;
  readonly checks: readonly {
    readonly check: string;
    readonly ok: boolean;
    readonly seen: string;
  }[];
}
export const traceOf = (row: ReportRow): TraceFacts | undefined =>
  (row as ReportRow & { trace?: TraceFacts }).trace;

/** The timeline a row names, else the example's usual file name, when either exists. */
function timelineOf(
  paths: BookPaths,
  chapter: string,
  name: string,
  rows: readonly ReportRow[],
): string | undefined {
  const named = rows
    .map((row) => traceOf(row)?.svg.split('/').pop())
    .filter((one) => one !== undefined);
  return [...named, `${chapter}-${name}.svg`].find((one) => findTimeline(paths, one) !== undefined);
}
export const liveDir = (paths: BookPaths): string =>
  paths.live ?? join(paths.root, 'reports', 'companion');

/** The declarations, read as the runner reads them (`dist/examples.js`); memoised per root. */
const discovered = new Map<string, Promise<readonly DiscoveredChapter[]>>();
export function declarations(root: string): Promise<readonly DiscoveredChapter[]> {
  let found = discovered.get(root);
  if (!found) {
    found = discoverChapters(join(root, 'chapters')).then((discovery) => discovery.chapters);
    discovered.set(root, found);
  }
  return found;
}

const mtime = (file: string): number => (existsSync(file) ? statSync(file).mtimeMs : 0);

/** Reports parsed once per version of the file (a page reads latest.json once per book file). */
const parsed = new Map<string, { mtime: number; value: unknown }>();
function readJson<T>(file: string): T | undefined {
  const modified = mtime(file);
  const known = parsed.get(file);
  if (known && known.mtime === modified) return known.value as T | undefined;
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    value = undefined;
  }
  parsed.set(file, { mtime: modified, value });
  return value as T | undefined;
}

/**
 * The last run of each example: `reports/latest.json` (the runner's last `pnpm start`), replaced
 * per example by the companion's own live run (`reports/companion/<chapter>-<name>.json`) when that is newer.
 */
export function lastRows(
  paths: BookPaths,
  chapter: string,
  name: string,
): { rows: ReportRow[]; source?: LastRunSource } {
  const latestFile = join(reportsDir(paths.root), 'latest.json');
  const liveFile = join(liveDir(paths), `${chapter}-${name}.json`);
  const ours = (rows: ReportRow[] | undefined): ReportRow[] =>
    (rows ?? []).filter((row) => row.chapter === chapter && row.example === name);
  const live = mtime(liveFile) > mtime(latestFile) ? ours(readJson(liveFile)) : [];
  if (live.length > 0) {
    return {
      rows: live,
      source: { kind: 'companion', at: new Date(mtime(liveFile)).toISOString() },
    };
  }
  const latest = ours(readJson(latestFile));
  return latest.length > 0
    ? { rows: latest, source: { kind: 'start', at: new Date(mtime(latestFile)).toISOString() } }
    : { rows: [] };
}

function readIfExists(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

function bookFiles(
  paths: BookPaths,
  chapter: DiscoveredChapter,
  readme: ReadmeNotes,
  figures: ReturnType<typeof loadBookFigures>,
): BookFile[] {
  const byName = new Map<string, ExampleDeclaration[]>();
  for (const example of chapter.declaration.examples) {
    byName.set(example.name, [...(byName.get(example.name) ?? []), example]);
  }
  return [...byName.entries()].map(([name, declared]) => {
    const first = declared[0] as ExampleDeclaration;
    const pythonPath = paths.python ? join(paths.python, first.bookFile) : undefined;
    const pythonSource = pythonPath ? readIfExists(pythonPath) : undefined;
    const outcome = first.outcome;
    const figure = figures.get(`${chapter.name}/${name}`)?.text;
    const last = lastRows(paths, chapter.name, name);
    const timeline = timelineOf(paths, chapter.name, name, last.rows);
    return {
      name,
      bookFile: first.bookFile,
      section: first.section,
      declarations: declared,
      source: readIfExists(join(chapter.dir, 'src', `${name}.ts`)) ?? null,
      notes: notesFor(readme, name),
      lastRun: last.rows,
      ...(last.source ? { lastRunSource: last.source } : {}),
      ...(figure !== undefined ? { bookFigure: figure } : {}),
      ...(outcome.kind === 'serves' ? { client: outcome.client } : {}),
      ...(pythonPath && pythonSource !== undefined
        ? { python: { path: first.bookFile, source: pythonSource } }
        : {}),
      ...(timeline ? { timeline } : {}),
      ...liveOutput(paths, chapter.name, name),
    };
  });
}

function liveOutput(paths: BookPaths, chapter: string, name: string): { liveOutput?: string } {
  const text = readIfExists(join(liveDir(paths), `${chapter}-${name}.out.txt`));
  return text === undefined ? {} : { liveOutput: text };
}

/** Sections in book order, each once. */
const sectionsOf = (declaration: ChapterDeclaration): string[] => [
  ...new Set(declaration.examples.map((example) => example.section)),
];

/** Everything the chapter page shows, read afresh (reports change between requests). */
export async function loadChapter(paths: BookPaths, name: string): Promise<Chapter | undefined> {
  const chapter = (await declarations(paths.root)).find((one) => one.name === name);
  if (!chapter) return undefined;
  const readme = readmeNotes(readIfExists(join(chapter.dir, 'README.md')) ?? '');
  const files = bookFiles(paths, chapter, readme, loadBookFigures());
  const rows = files.flatMap((file) => file.lastRun);
  const comparisons = (chapter.declaration.comparisons ?? [])
    .map((comparison) => compareExamples(chapter.name, comparison, rows))
    .filter((report): report is ComparisonReport => report !== null);
  return {
    name: chapter.name,
    number: Number(chapter.name.replace(/\D/g, '')),
    title: chapter.declaration.title,
    sections: sectionsOf(chapter.declaration),
    files,
    differs: readme.differs,
    comparisons,
  };
}

/** One line of the index. */
export interface ChapterSummary {
  readonly name: string;
  readonly number: number;
  readonly title: string;
  readonly sections: readonly string[];
  readonly examples: number;
  /** Passed and run rows of the last report; run 0: never run. */
  readonly passed: number;
  readonly ran: number;
}

export async function loadIndex(paths: BookPaths): Promise<ChapterSummary[]> {
  return (await declarations(paths.root)).map((chapter) => {
    const names = new Set(chapter.declaration.examples.map((example) => example.name));
    const rows = [...names].flatMap((name) => lastRows(paths, chapter.name, name).rows);
    return {
      name: chapter.name,
      number: Number(chapter.name.replace(/\D/g, '')),
      title: chapter.declaration.title,
      sections: sectionsOf(chapter.declaration),
      examples: names.size,
      passed: rows.filter((row) => row.ok).length,
      ran: rows.length,
    };
  });
}

/** The declaration of `chapter/name`, or undefined when none is declared: what may run. */
export async function declared(
  root: string,
  chapter: string,
  name: string,
): Promise<{ chapter: DiscoveredChapter; examples: ExampleDeclaration[] } | undefined> {
  const found = (await declarations(root)).find((one) => one.name === chapter);
  const examples = found?.declaration.examples.filter((example) => example.name === name) ?? [];
  return found && examples.length > 0 ? { chapter: found, examples } : undefined;
}
