import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { declarations, loadChapter } from '../src/book.js';
import { notesFor, readmeNotes } from '../src/readme.js';
import { chapterPage, indexPage, writeSite } from '../src/site.js';
import { liveState, root } from './helpers.js';

const paths = { root, live: liveState };
const served = { kind: 'served', token: 'T0KEN', python: false } as const;

describe('the pages', () => {
  it('index: the 19 chapters, each with its title, sections and number of examples', async () => {
    const html = await indexPage(paths, served);
    const items = html.match(/<li class="chapter-card">/g) ?? [];
    expect(items).toHaveLength(19);
    expect(html).toContain('href="chapter03.html"');
    expect(html).toContain('Working with Threads in Python');
    expect(html).toContain('6 examples');
    expect(html).toContain('The Dining Philosophers problem');
  });

  it('a chapter page: every declared book file in book order, its twin highlighted, a Run button each', async () => {
    const chapter = await loadChapter(paths, 'chapter03');
    const html = (await chapterPage(paths, 'chapter03', served)) ?? '';
    const order = [...html.matchAll(/<section class="example" id="([\w.-]+)"/g)].map((m) => m[1]);
    expect(order).toEqual(chapter?.files.map((file) => file.name));
    expect(order).toEqual([
      'my_thread',
      'example1',
      'example2',
      'example3',
      'example4',
      'example5',
    ]);
    expect(html).toContain('class="shiki');
    expect(html).toContain('>Run example1</button>');
    expect(html).toContain('role="log" aria-label="Output of example1"');
    expect(html).toContain('Chapter03/example1.py');
    expect(html).toContain('<meta name="companion-token" content="T0KEN">');
    // The README's words on this file, and the chapter's "Where Node differs".
    expect(html).toContain('threads A and B at 0.5 s run concurrently');
    expect(html).toContain('Threads are event-loop tasks');
  });

  it("a server's page shows its declared client script as the exchange", async () => {
    const html = (await chapterPage(paths, 'chapter11', served)) ?? '';
    expect(html).toContain('<h4>The exchange</h4>');
    expect(html).toMatch(/&gt; &quot;/);
  });

  it("--python shows each book file from the reader's checkout beside its twin", async () => {
    const checkout = mkdtempSync(join(tmpdir(), 'companion-book-'));
    try {
      const { mkdirSync, writeFileSync } = await import('node:fs');
      mkdirSync(join(checkout, 'Chapter03'));
      writeFileSync(join(checkout, 'Chapter03', 'example1.py'), 'print("from the reader")\n');
      const html =
        (await chapterPage({ ...paths, python: checkout }, 'chapter03', {
          ...served,
          python: true,
        })) ?? '';
      expect(html).toContain('from your checkout');
      expect(html).toContain('from the reader');
      expect(html).toContain('>Run example1.py too</button>');
      // Only the files the checkout has.
      expect(html).not.toContain('>Run example2.py too</button>');
    } finally {
      rmSync(checkout, { recursive: true, force: true });
    }
  });

  it('the static site: 20 pages with relative links, no token and no Run button', async () => {
    const out = mkdtempSync(join(tmpdir(), 'companion-site-'));
    try {
      const written = await writeSite(paths, out);
      expect(written).toHaveLength(20);
      expect(readdirSync(join(out, 'assets')).sort()).toEqual([
        'app.js',
        'favicon.svg',
        'style.css',
      ]);
      const page = readFileSync(join(out, 'chapter12.html'), 'utf8');
      expect(page).not.toContain('companion-token');
      expect(page).not.toContain('<button');
      expect(page).not.toMatch(/(src|href)="(\/|https?:)/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('reads the declarations the runner reads: 19 chapters', async () => {
    expect((await declarations(root)).map((chapter) => chapter.name)).toHaveLength(19);
  });
});

describe('the README notes on one file', () => {
  const readme = readmeNotes(`# Chapter

## Files

| Book section | Book file | Here | Node mechanism |
| --- | --- | --- | --- |
| One | \`example1.py\` | [\`src/example1.ts\`](src/example1.ts) | a lock |
| Ten | \`example10.py\` | [\`src/example10.ts\`](src/example10.ts) | a queue |

- \`example1.ts\`: two threads
  that interleave.
- \`example10.ts\`: ten.

## Where Node differs, and why

- **One thread.** Tasks.

## Deviations from the book

| Book file | The book | Here | Why |
| --- | --- | --- | --- |
| \`example1.py\` | a bug | fixed | clarity |
`);

  it("gathers the file's list items and table rows, and no other file's", () => {
    const notes = notesFor(readme, 'example1');
    expect(notes).toContain('Node mechanism: a lock');
    expect(notes).toContain('`example1.ts`: two threads that interleave.');
    expect(notes).toContain('The book: a bug; Here: fixed; Why: clarity');
    expect(notes).not.toContain('ten');
    expect(notes).not.toContain('a queue');
    expect(readme.differs).toContain('**One thread.** Tasks.');
  });
});
