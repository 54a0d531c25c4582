// Taken from the loaded module, not imported: an `import` of node:fs builds its ESM face, which reads
// every export, `fs.promises` too, and so loads fs/promises, readline and streams (about 30 built-in
// modules) into every program that imports core. See core's README, "Start-up".
const { closeSync, openSync, readFileSync, writeSync } = process.getBuiltinModule('node:fs');

/** The modes of Python's `open()` that the book uses. */
export type FileMode = 'r' | 'w' | 'a';

/**
 * An open file that closes itself when its `using` block ends, even when the block throws: the
 * twin of the file object Python's `open()` returns, whose `with` block closes it. Without `using`
 * (or `close()`), its descriptor stays open until the program ends, which is Chapter 4's leak.
 *
 * @example { using f = open('output/sample0.txt', 'w'); f.write('hi') } // closed here
 */
export class File implements Disposable {
  /** The operating system's file descriptor, or -1 once closed. */
  fd: number;

  constructor(
    readonly path: string,
    mode: FileMode = 'r',
  ) {
    this.fd = openSync(path, mode);
  }

  /** Writes text at the current position. */
  write(text: string): void {
    writeSync(this.fd, text);
  }

  /** Reads the rest of the file as UTF-8 text. */
  read(): string {
    return readFileSync(this.fd, 'utf8');
  }

  /** True once closed. */
  get closed(): boolean {
    return this.fd === -1;
  }

  /** Closes the descriptor; closing twice does nothing, as in Python. */
  close(): void {
    if (this.closed) return;
    closeSync(this.fd);
    this.fd = -1;
  }

  [Symbol.dispose](): void {
    this.close();
  }
}

/**
 * Opens a file, synchronously as Python does. Twin of Python's `open(path, mode)`.
 *
 * @example using f = open('output2/sample0.txt') // throws ENOENT when it does not exist
 */
export function open(path: string, mode: FileMode = 'r'): File {
  return new File(path, mode);
}
