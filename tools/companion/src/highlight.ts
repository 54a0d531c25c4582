import { createHighlighter, type Highlighter } from 'shiki';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';

let highlighter: Promise<Highlighter> | undefined;
const cache = new Map<string, string>();

/**
 * Loads shiki once, with the two languages the pages show and a light and a dark theme. Its
 * JavaScript regular-expression engine, not the WebAssembly Oniguruma: it starts in tens of
 * milliseconds instead of a second, and highlighted the chapters' sources twice as fast here.
 */
export function loadHighlighter(): Promise<Highlighter> {
  highlighter ??= createHighlighter({
    themes: ['github-light', 'github-dark'],
    langs: ['typescript', 'python'],
    engine: createJavaScriptRegexEngine(),
  });
  return highlighter;
}

/**
 * The code as highlighted HTML (`<pre class="shiki">`), light by default and dark under the
 * reader's dark colour scheme (the page's CSS switches shiki's variables). Memoised by content.
 */
export async function highlight(code: string, lang: 'typescript' | 'python'): Promise<string> {
  const key = `${lang}\0${code}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  const html = (await loadHighlighter()).codeToHtml(code, {
    lang,
    themes: { light: 'github-light', dark: 'github-dark' },
  });
  cache.set(key, html);
  return html;
}
