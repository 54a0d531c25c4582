import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runnerRoot } from './paths.js';

/** A figure the book prints for one example (on the author's 8-core machine). */
export interface BookFigure {
  readonly chapter: string;
  readonly example: string;
  /** The figure as the book states it, in words. */
  readonly text: string;
}

/** The file the figures are read from: `tools/runner/data/book-figures.json`. */
export const bookFiguresFile: string = join(runnerRoot, 'data', 'book-figures.json');

/** Loads the book's figures, keyed `chapter02/example1`. */
export function loadBookFigures(file: string = bookFiguresFile): Map<string, BookFigure> {
  const data = JSON.parse(readFileSync(file, 'utf8')) as { figures: BookFigure[] };
  return new Map(data.figures.map((figure) => [`${figure.chapter}/${figure.example}`, figure]));
}
