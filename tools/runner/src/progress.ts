import pc from 'picocolors';
import { seconds } from './format.js';
import type { ReportRow } from './report-row.js';

const frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/**
 * The runner's live progress, always on stderr so the examples' stdout stays exactly theirs. On a
 * terminal: a line per example as it starts and ends, and a spinner with elapsed time while an
 * example runs silently for over a second (erased before any example output). Elsewhere (CI, a
 * file): plain `runner:` lines.
 */
export class Progress {
  readonly #out: NodeJS.WritableStream;
  readonly #tty: boolean;
  readonly #color: (text: string, ok: boolean) => string;
  #timer: NodeJS.Timeout | undefined;
  #drawn = false;
  #midLine = false;
  #lastOutput = 0;

  /** `tty` turns on the spinner and colours; by default it follows whether `out` is a terminal. */
  constructor(
    out: NodeJS.WritableStream = process.stderr,
    tty = (out as NodeJS.WriteStream).isTTY === true,
  ) {
    this.#out = out;
    this.#tty = tty;
    this.#color = tty ? (text, ok) => (ok ? pc.green(text) : pc.red(text)) : (text) => text;
  }

  /** Announces an example (or Python twin) starting, with its limit. */
  start(label: string, limitSeconds: number): void {
    this.#stopSpinner();
    const started = performance.now();
    this.#lastOutput = started;
    this.#midLine = false;
    if (!this.#tty) {
      this.#out.write(`runner: start ${label} (limit ${limitSeconds} s)\n`);
      return;
    }
    this.#out.write(`${pc.dim(`▶ ${label} (limit ${limitSeconds} s)`)}\n`);
    let frame = 0;
    this.#timer = setInterval(() => {
      const now = performance.now();
      if (this.#midLine || now - this.#lastOutput < 1000) return;
      const elapsed = ((now - started) / 1000).toFixed(1);
      this.#out.write(
        `\r\x1b[K${pc.cyan(frames[frame++ % frames.length] ?? '')} ${label} ${elapsed} s / ${limitSeconds} s`,
      );
      this.#drawn = true;
    }, 100);
    this.#timer.unref();
  }

  /** Call before passing example output through: erases the spinner and notes where the line ends. */
  output(chunk: Buffer): void {
    this.clear();
    this.#lastOutput = performance.now();
    if (chunk.length > 0) this.#midLine = chunk[chunk.length - 1] !== 0x0a;
  }

  /** Erases the spinner line if one is drawn. */
  clear(): void {
    if (this.#drawn) {
      this.#out.write('\r\x1b[K');
      this.#drawn = false;
    }
  }

  /** Reports an example's result in one line. */
  finish(row: ReportRow): void {
    this.#stopSpinner();
    const mark = row.ok ? '✓' : '✗';
    const cpu = row.cpuSeconds === null ? '' : `, CPU ${seconds(row.cpuSeconds)} s`;
    const name = [`${row.chapter}/${row.example}`, ...(row.args ?? [])].join(' ');
    const text = `${name}: ${row.outcome} (expected ${row.expected}), wall ${seconds(row.wallSeconds)} s${cpu}`;
    const lead = this.#midLine ? '\n' : '';
    this.#out.write(
      this.#tty
        ? `${lead}${this.#color(`${mark} ${text}`, row.ok)}\n`
        : `${lead}runner: ${row.ok ? 'ok' : 'FAIL'} ${text}\n`,
    );
    this.#midLine = false;
  }

  /** Writes one line of the runner's own (a warning, a note). */
  note(line: string): void {
    this.#stopSpinner();
    this.#out.write(this.#tty ? `${pc.yellow(line)}\n` : `runner: ${line}\n`);
  }

  /** Writes a block of text as is (the table, the chart). */
  block(text: string): void {
    this.#stopSpinner();
    this.#out.write(`${text}\n`);
  }

  #stopSpinner(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    this.clear();
  }
}
