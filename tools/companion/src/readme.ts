/**
 * Reads a chapter README for what the page shows beside each file: the chapter's "Where Node
 * differs" section, and for one file the lines and table rows that name it (`example1.ts`,
 * `src/example1.ts`, `example1.py`). Plain Markdown in, Markdown out.
 */

export interface ReadmeSection {
  readonly title: string;
  readonly lines: readonly string[];
}

export interface ReadmeNotes {
  readonly sections: readonly ReadmeSection[];
  /** The chapter-wide "Where Node differs" section (Markdown), or ''. */
  readonly differs: string;
}

/** Splits the README at its `## ` headings. */
export function readmeNotes(markdown: string): ReadmeNotes {
  const sections: ReadmeSection[] = [];
  let current: { title: string; lines: string[] } | undefined;
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    if (!fenced && line.startsWith('## ')) {
      current = { title: line.slice(3).trim(), lines: [] };
      sections.push(current);
    } else current?.lines.push(line);
  }
  const differs = sections.find((section) => /^Where Node differs/i.test(section.title));
  return { sections, differs: differs ? differs.lines.join('\n').trim() : '' };
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Splits a Markdown table line into its cells (pipes escaped as `\|` stay in their cell). */
const cells = (line: string): string[] =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());

/** Sections whose content is about running, not about the files. */
const skipped = /^(Run|What to try|The tests|Tests)$/i;

/**
 * The README's notes on one file, as Markdown bullets: each list item that starts by naming it,
 * and each table row that names it, as `column: cell` pairs (leaving out the cells that only name
 * the file or repeat what the page shows above it).
 */
export function notesFor(readme: ReadmeNotes, name: string): string {
  const mentions = new RegExp(`(^|[^\\w/-])(src/)?${escapeRegExp(name)}\\.(ts|py)\\b`);
  const out: string[] = [];
  for (const section of readme.sections) {
    if (skipped.test(section.title)) continue;
    const lines = section.lines;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] ?? '';
      if (line.startsWith('- ') && mentions.test(line.slice(0, 60))) {
        const item = [line];
        while (i + 1 < lines.length && /^ {2,}\S/.test(lines[i + 1] ?? ''))
          item.push(lines[++i] ?? '');
        out.push(item.map((part) => part.trim()).join(' '));
      }
      if (line.startsWith('|') && mentions.test(line) && i >= 2) {
        let head = i;
        while (head > 0 && (lines[head - 1] ?? '').startsWith('|')) head--;
        const header = cells(lines[head] ?? '');
        if (head === i || head + 1 === i) continue;
        const pairs = cells(line)
          .map((cell, column) => ({ title: header[column] ?? '', cell }))
          .filter(
            ({ title, cell }) =>
              cell !== '' &&
              cell !== 'none' &&
              !/^(Book section|Section)$/i.test(title) &&
              !(
                mentions.test(` ${cell}`) &&
                cell.replace(/[`[\]()]|src\/|\.ts|\.py/g, '').length < 2 * name.length + 4
              ),
          )
          .map(({ title, cell }) => `${title}: ${cell}`);
        if (pairs.length > 0) out.push(`- _${section.title}_: ${pairs.join('; ')}`);
      }
    }
  }
  return out.join('\n');
}
