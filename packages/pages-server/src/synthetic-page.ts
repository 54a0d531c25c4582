/** What a synthetic page must contain and weigh. */
export interface PageRecipe {
  /** Text of `<title>`, as it stands in the HTML source (entities included). */
  title: string;
  /** Paragraphs put near the top, holding the page's non-ASCII characters. */
  paragraphs: readonly string[];
  /** Exact size of the encoded page, in bytes. */
  bytes: number;
  /** How the text is encoded: UTF-8, or Latin-1 (ISO-8859-1, one byte per character). */
  encoding: 'utf8' | 'latin1';
  /** The site it stands in for, named in a comment at the top. */
  site: string;
}

const FOOTER = '</body>\n</html>\n';
/** The shortest padding comment, `<!---->` and a newline. */
const EMPTY_COMMENT_BYTES = 8;

/**
 * Builds deterministic HTML of exactly `recipe.bytes` bytes: a head with the title, the recipe's
 * paragraphs, numbered filler lines, and a comment of spaces that makes up the last few bytes. It
 * imitates a page's size, title and encoding, never its content: nothing is copied from any site.
 */
export function syntheticPage(recipe: PageRecipe): Buffer {
  const size = (text: string) => Buffer.byteLength(text, recipe.encoding);
  const header =
    '<!doctype html>\n<html lang="en">\n<head>\n' +
    `<title>${recipe.title}</title>\n</head>\n<body>\n` +
    `<!-- A synthetic stand-in for ${recipe.site}, generated for offline runs of the book's examples; not a copy of the real page. -->\n` +
    recipe.paragraphs.map((paragraph) => `<p>${paragraph}</p>\n`).join('');
  let remaining = recipe.bytes - size(header) - size(FOOTER);
  const filler: string[] = [];
  for (let line = 1; ; line += 1) {
    const next = `<p>Line ${line} of plain filler standing in for the rest of the page.</p>\n`;
    if (remaining < size(next) + EMPTY_COMMENT_BYTES) break;
    filler.push(next);
    remaining -= size(next);
  }
  if (remaining < EMPTY_COMMENT_BYTES) {
    throw new RangeError(
      `${recipe.site}: ${recipe.bytes} bytes cannot hold its head and paragraphs`,
    );
  }
  const padding = `<!--${' '.repeat(remaining - EMPTY_COMMENT_BYTES)}-->\n`;
  const page = Buffer.from(header + filler.join('') + padding + FOOTER, recipe.encoding);
  if (page.byteLength !== recipe.bytes) {
    throw new Error(`${recipe.site}: built ${page.byteLength} bytes instead of ${recipe.bytes}`);
  }
  return page;
}
