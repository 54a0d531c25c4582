import { type ClientStep, type ReportRow, renderSvgChart, renderTimesSvgChart } from '@mc/runner';
import { Marked } from 'marked';
import { type BookFile, type Chapter, type ChapterSummary, traceOf } from './book.js';
import { highlight } from './highlight.js';

/** How a page is made: served (it can run examples, with the token it was served with) or static. */
export type PageMode =
  | { readonly kind: 'served'; readonly token: string; readonly python: boolean }
  | { readonly kind: 'static' };

export const escapeHtml = (text: string): string =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');

/** README Markdown to HTML; links become their text (they point into the repository, not the site). */
const markdown = new Marked({
  renderer: {
    link({ tokens }) {
      return this.parser.parseInline(tokens);
    },
  },
});
const rendered = new Map<string, string>();
const md = (text: string): string => {
  let html = rendered.get(text);
  if (html === undefined) {
    html = markdown.parse(text, { async: false });
    rendered.set(text, html);
  }
  return html;
};

const chapterFile = (name: string): string => `${name}.html`;
const seconds = (value: number | null | undefined): string =>
  value === null || value === undefined ? '–' : value.toFixed(2);

function page(title: string, body: string, mode: PageMode): string {
  const token =
    mode.kind === 'served'
      ? `<meta name="companion-token" content="${escapeHtml(mode.token)}">`
      : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
${token}<link rel="icon" href="assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="assets/style.css">
<script type="module" src="assets/app.js"></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
${body}
</body>
</html>
`;
}

const header = (crumbs: string): string =>
  `<header class="top"><a href="index.html" class="home">Mastering Concurrency <span>the TypeScript edition</span></a>${crumbs}</header>`;

function verdict(passed: number, ran: number, examples: number): string {
  if (ran === 0) return '<span class="muted">not run yet</span>';
  const unrun = examples > ran ? ` <span class="muted">(${examples - ran} not run)</span>` : '';
  if (passed === ran) return `<span class="ok">✓ ${ran} passed</span>${unrun}`;
  return `<span class="fail">✗ ${ran - passed} of ${ran} failed</span>${unrun}`;
}

export function renderIndex(chapters: readonly ChapterSummary[], mode: PageMode): string {
  const items = chapters
    .map(
      (chapter) => `<li class="chapter-card">
<a href="${chapterFile(chapter.name)}"><span class="num">${chapter.number}</span> <span class="title">${escapeHtml(chapter.title)}</span></a>
<p class="sections">${chapter.sections.map(escapeHtml).join(' · ')}</p>
<p class="facts"><span>${chapter.examples} ${chapter.examples === 1 ? 'example' : 'examples'}</span> ${verdict(chapter.passed, chapter.ran, chapter.examples)}</p>
</li>`,
    )
    .join('\n');
  const how =
    mode.kind === 'served'
      ? 'Each chapter page shows every program of the book beside its TypeScript twin, its last run and its timeline, and runs it here, on your machine.'
      : 'Each chapter page shows every program of the book beside its TypeScript twin, its last run and its timeline. Running them needs <code>pnpm book</code>.';
  return page(
    'Mastering Concurrency, the TypeScript edition',
    `${header('')}
<main id="main" class="index">
<h1>The book's programs, in TypeScript on Node.js</h1>
<p class="lead">${how} The last results are those of <code>pnpm start</code> (<code>reports/latest.json</code>).</p>
<ol class="chapters" aria-label="Chapters">
${items}
</ol>
</main>`,
    mode,
  );
}

/** The checks the runner judged on the run's trace (`--trace`): what printed lines cannot show. */
function checksOf(rows: readonly ReportRow[]): string {
  const checks = rows.flatMap((row) => traceOf(row)?.checks ?? []);
  if (checks.length === 0) return '';
  return `<ul class="checks" aria-label="Checks on the trace">${checks
    .map(
      (check) =>
        `<li class="${check.ok ? 'ok' : 'fail'}">${check.ok ? '✓' : '✗'} ${escapeHtml(check.check)}: <span>${escapeHtml(check.seen)}</span></li>`,
    )
    .join('')}</ul>`;
}

function outcomeOf(rows: readonly ReportRow[]): string {
  if (rows.length === 0) return '<span class="muted">not run yet</span>';
  return rows
    .map((row) => {
      const args = row.args?.length ? ` <code>${escapeHtml(row.args.join(' '))}</code>` : '';
      return `<span class="${row.ok ? 'ok' : 'fail'}">${row.ok ? '✓' : '✗'} ${escapeHtml(row.outcome)}</span>${args}`;
    })
    .join('<br>');
}

/** Node's last wall and CPU, the Python original's, and the book's figure, one row each. */
function timesTable(file: BookFile): string {
  const rows: string[] = [];
  for (const row of file.lastRun) {
    const args = row.args?.length ? ` ${row.args.join(' ')}` : '';
    rows.push(
      `<tr><th scope="row">Node${escapeHtml(args)}</th><td>${seconds(row.wallSeconds)}</td><td>${seconds(row.cpuSeconds)}</td><td>${row.timeScale === 1 ? '' : `time scale ${row.timeScale}`}</td></tr>`,
    );
    const py = row.python;
    if (py?.status === 'ran') {
      rows.push(
        `<tr><th scope="row">Python original</th><td>${seconds(py.wallSeconds)}</td><td>${seconds(py.cpuSeconds)}</td><td>${escapeHtml(py.outcome ?? '')}</td></tr>`,
      );
    } else if (py?.status === 'skipped') {
      rows.push(
        `<tr><th scope="row">Python original</th><td colspan="3">skipped: ${escapeHtml(py.reason ?? '')}</td></tr>`,
      );
    }
  }
  if (file.bookFigure) {
    rows.push(
      `<tr><th scope="row">The book</th><td colspan="3">${escapeHtml(file.bookFigure)}</td></tr>`,
    );
  }
  if (rows.length === 0) return '';
  return `<table class="times"><thead><tr><th></th><th scope="col">wall s</th><th scope="col">CPU s</th><th></th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function stepText(step: ClientStep): string {
  if ('send' in step) return `&gt; ${escapeHtml(JSON.stringify(step.send))}`;
  if ('expect' in step) {
    const expected = step.expect;
    return `&lt; ${escapeHtml(typeof expected === 'string' ? JSON.stringify(expected) : String(expected))}`;
  }
  return '(the server closes the connection)';
}

function exchange(file: BookFile): string {
  if (!file.client) return '';
  const sessions = file.client.sessions
    .map(
      (session) =>
        `<li><strong>${escapeHtml(session.name)}</strong><ol>${session.steps.map((step) => `<li><code>${stepText(step)}</code></li>`).join('')}</ol></li>`,
    )
    .join('');
  return `<div class="exchange"><h4>The exchange</h4><p>The runner starts the server, then a client does what a reader would do in telnet${file.client.together ? ', all sessions at once' : ', one session after the other'}, then stops the server with Ctrl-C.</p><ul>${sessions}</ul></div>`;
}

function runPanel(chapter: Chapter, file: BookFile, mode: PageMode): string {
  const id = `${chapter.name}-${file.name}`;
  const output = file.liveOutput ?? '';
  const placeholder =
    output === ''
      ? mode.kind === 'served'
        ? 'Press the Run button to see its output here.'
        : 'The runner keeps no output in its report; serve the companion (pnpm book) to run it and see it here.'
      : '';
  const buttons =
    mode.kind === 'served'
      ? `<div class="controls">
<button type="button" class="run" data-chapter="${chapter.name}" data-example="${escapeHtml(file.name)}">Run ${escapeHtml(file.name)}</button>
${mode.python && file.python ? `<button type="button" class="run" data-python="1" data-chapter="${chapter.name}" data-example="${escapeHtml(file.name)}">Run ${escapeHtml(file.name)}.py too</button>` : ''}
<button type="button" class="stop" data-chapter="${chapter.name}" data-example="${escapeHtml(file.name)}" disabled>Stop</button>
</div>`
      : '';
  const timeline = file.timeline
    ? `<img src="traces/${escapeHtml(file.timeline)}" alt="Timeline of ${escapeHtml(file.name)}">`
    : '';
  return `<div class="run-panel" id="run-${id}">
${buttons}
<h4 id="out-${id}">Output${file.liveOutput ? ' of the last run here' : ''}</h4>
<pre class="log" role="log" aria-label="Output of ${escapeHtml(file.name)}" tabindex="0" data-placeholder="${escapeHtml(placeholder)}"${output === '' ? ' data-empty' : ''}>${escapeHtml(output)}</pre>
<p class="result" aria-live="polite"></p>
<ul class="checks live" aria-label="Checks on this run's trace" hidden></ul>
<figure class="timeline"${timeline ? '' : ' hidden'}>${timeline}<figcaption>The run drawn on a timeline (<code>--trace</code>).</figcaption></figure>
</div>`;
}

async function fileSection(chapter: Chapter, file: BookFile, mode: PageMode): Promise<string> {
  const twin = file.source
    ? await highlight(file.source, 'typescript')
    : '<p class="muted">No twin source for this file.</p>';
  const original = file.python
    ? `<div class="original"><h4>The book's <code>${escapeHtml(file.python.path)}</code>, from your checkout</h4>${await highlight(file.python.source, 'python')}</div>`
    : '';
  const declaredArgs = file.declarations
    .filter((one) => one.args?.length)
    .map((one) => `<code>${escapeHtml((one.args ?? []).join(' '))}</code>`);
  return `<section class="example" id="${escapeHtml(file.name)}" aria-labelledby="h-${escapeHtml(file.name)}">
<p class="section-name">${escapeHtml(file.section)}</p>
<h2 id="h-${escapeHtml(file.name)}"><a href="#${escapeHtml(file.name)}">${escapeHtml(file.name)}</a> <span class="pair"><code>src/${escapeHtml(file.name)}.ts</code> ⇄ the book's <code>${escapeHtml(file.bookFile)}</code></span></h2>
<div class="pane${file.python ? ' with-python' : ''}">
<div class="code">${original}<div class="twin">${file.python ? `<h4>The twin, <code>src/${escapeHtml(file.name)}.ts</code></h4>` : ''}${twin}</div></div>
<aside class="side" aria-label="${escapeHtml(file.name)}: notes and runs">
${runPanel(chapter, file, mode)}
${exchange(file)}
<div class="last"><h3>Last run${sourceText(file)}</h3><p class="outcome">${outcomeOf(file.lastRun)}</p>${checksOf(file.lastRun)}
<p class="expected">Expected: ${escapeHtml(expectedText(file))}${declaredArgs.length ? `; declared arguments ${declaredArgs.join(', ')}` : ''}</p>
${timesTable(file)}</div>
${file.notes ? `<div class="notes"><h3>Where Node differs</h3>${md(file.notes)}</div>` : ''}
</aside>
</div>
</section>`;
}

function sourceText(file: BookFile): string {
  const source = file.lastRunSource;
  if (!source) return '';
  const when = source.at.slice(0, 16).replace('T', ' ');
  const where = source.kind === 'start' ? '<code>pnpm start</code>' : 'here';
  return ` <span class="when">${where}, ${when} UTC</span>`;
}

function expectedText(file: BookFile): string {
  return [
    ...new Set(
      file.declarations.map((one) => {
        const outcome = one.outcome;
        if (outcome.kind === 'fails') return `fails with ${outcome.error}`;
        if (outcome.kind === 'blocks') return 'blocks, and is stopped at its limit';
        if (outcome.kind === 'serves') return 'serves its client, then stops on Ctrl-C';
        return 'exits 0';
      }),
    ),
  ]
    .map((text) => `${text} (limit ${file.declarations[0]?.timeoutSeconds ?? '?'} s)`)
    .join(', ');
}

function charts(chapter: Chapter): string {
  const parts: string[] = [];
  for (const file of chapter.files) {
    for (const row of file.lastRun) {
      if (row.analysis?.kind === 'speedup') {
        parts.push(
          `<figure class="chart"><figcaption>${escapeHtml(row.analysis.title)} (${escapeHtml(file.name)})</figcaption>${renderSvgChart(row.analysis)}</figure>`,
        );
      }
      if (row.analysis?.kind === 'times') {
        parts.push(
          `<figure class="chart"><figcaption>${escapeHtml(row.analysis.title)} (${escapeHtml(file.name)})</figcaption>${renderTimesSvgChart(row.analysis)}</figure>`,
        );
      }
    }
  }
  for (const comparison of chapter.comparisons) {
    const python = comparison.examples.some((one) => one.python);
    const book = comparison.examples.some((one) => one.book);
    parts.push(`<figure class="chart"><figcaption>${escapeHtml(comparison.title)}</figcaption>
<table class="times"><thead><tr><th scope="col">example</th><th scope="col">wall s</th><th scope="col">ratio</th>${python ? '<th scope="col">Python s</th><th scope="col">ratio</th>' : ''}${book ? '<th scope="col">book s</th><th scope="col">ratio</th>' : ''}</tr></thead>
<tbody>${comparison.examples
      .map(
        (one) =>
          `<tr><th scope="row"><a href="#${escapeHtml(one.example)}">${escapeHtml(one.example)}</a></th><td>${seconds(one.wallSeconds)}</td><td>${one.ratio.toFixed(2)}</td>${python ? `<td>${seconds(one.python?.wallSeconds)}</td><td>${one.python?.ratio.toFixed(2) ?? '–'}</td>` : ''}${book ? `<td>${seconds(one.book?.seconds)}</td><td>${one.book?.ratio.toFixed(2) ?? '–'}</td>` : ''}</tr>`,
      )
      .join('')}</tbody></table></figure>`);
  }
  if (parts.length === 0) return '';
  return `<section class="charts" aria-labelledby="charts-h"><h2 id="charts-h">The chapter's charts, from the last run</h2>${parts.join('\n')}</section>`;
}

/** The chapters before and after, for the page's links. */
export interface Neighbour {
  readonly name: string;
  readonly number: number;
}

export async function renderChapter(
  chapter: Chapter,
  neighbours: { previous?: Neighbour; next?: Neighbour },
  mode: PageMode,
): Promise<string> {
  const sections = await Promise.all(chapter.files.map((file) => fileSection(chapter, file, mode)));
  const toc = chapter.files
    .map((file) => `<li><a href="#${escapeHtml(file.name)}">${escapeHtml(file.name)}</a></li>`)
    .join('');
  const nav = (which: 'previous' | 'next'): string => {
    const other = neighbours[which];
    return other
      ? `<a rel="${which === 'previous' ? 'prev' : 'next'}" href="${chapterFile(other.name)}">${which === 'previous' ? '← ' : ''}Chapter ${other.number}${which === 'next' ? ' →' : ''}</a>`
      : '<span></span>';
  };
  const differs = chapter.differs
    ? `<details class="differs"><summary>Where Node differs from Python in this chapter, and why</summary>${md(chapter.differs)}</details>`
    : '';
  return page(
    `Chapter ${chapter.number}: ${chapter.title}`,
    `${header(`<nav class="crumbs" aria-label="Chapters">${nav('previous')}<a href="index.html">All chapters</a>${nav('next')}</nav>`)}
<main id="main" class="chapter" data-chapter="${chapter.name}">
<h1><span class="num">Chapter ${chapter.number}</span> ${escapeHtml(chapter.title)}</h1>
<nav class="toc" aria-label="Book files"><ol>${toc}</ol></nav>
${differs}
${charts(chapter)}
${sections.join('\n')}
<footer class="bottom">${nav('previous')}<a href="index.html">All chapters</a>${nav('next')}</footer>
</main>`,
    mode,
  );
}
