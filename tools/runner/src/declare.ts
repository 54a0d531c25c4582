/**
 * How a chapter declares its examples: one `src/examples.ts` per chapter, whose default export is
 * `defineChapter({...})`. The runner reads the compiled `dist/examples.js`; tests import it too.
 */

/** What a run of the example must end in for the runner to call it a pass. */
export type Outcome =
  /** Exits with status 0. */
  | { readonly kind: 'exits' }
  /**
   * Exits with a non-zero status and names `error` (an errno such as `EMFILE`, or an error class
   * name such as `DeadlockDetected`) in its output: the failure is the lesson.
   */
  | { readonly kind: 'fails'; readonly error: string }
  /**
   * Is still running when its time limit ends; the runner stops its process tree, and that is the
   * pass. An example that exits before its limit fails this outcome.
   */
  | { readonly kind: 'blocks' };

/** Input fed to the example's stdin. Without it stdin is empty and closed at once. */
export interface StdinFeed {
  /** The text written to stdin, after which stdin is closed. */
  readonly text: string;
  /** Write only once the example has printed this text (a reader answering a prompt). */
  readonly afterOutput?: string;
}

export interface ExampleDeclaration {
  /** The book file's base name, which is also the name of `src/<name>.ts`: `example4`, `my_thread`. */
  readonly name: string;
  /** The book file this mirrors: `Chapter03/example4.py`. */
  readonly bookFile: string;
  /** The book section it belongs to. */
  readonly section: string;
  /** Extra command-line arguments. */
  readonly args?: readonly string[];
  readonly stdin?: StdinFeed;
  /** Limit in seconds at the book's timings (time scale 1). */
  readonly timeoutSeconds: number;
  readonly outcome: Outcome;
}

export interface ChapterDeclaration {
  /** Package name, `chapter03`. */
  readonly chapter: string;
  /** The book chapter's title. */
  readonly title: string;
  /** In book order. */
  readonly examples: readonly ExampleDeclaration[];
}

/** Identity function that type-checks a chapter's declaration. */
export function defineChapter(declaration: ChapterDeclaration): ChapterDeclaration {
  return declaration;
}
