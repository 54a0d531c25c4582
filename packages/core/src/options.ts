/**
 * Command-line options for the book's programs and the project's tools: node:util's `parseArgs`
 * with the errors a reader can act on. The project's twin of Python's `argparse` reading
 * `sys.argv`: a bad command line is one line on stderr and exit status 2 (argparse's status too).
 */
import { basename } from 'node:path';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from './errors.js';

/** A numeric option's rule: what a valid value is, in words, and the test of the parsed number. */
export interface NumberRule {
  /** Completes "--name must be ...", for example `a whole number from 0 to 65535`. */
  readonly what: string;
  readonly valid: (value: number) => boolean;
}

/**
 * A whole number from `min` (to `max`, when given), as a `NumberRule`.
 *
 * @example numberOption('port', values.port, wholeNumber(0, 65_535))
 */
export function wholeNumber(min: number, max?: number): NumberRule {
  return {
    what:
      max === undefined
        ? `a whole number of at least ${min}`
        : `a whole number from ${min} to ${max}`,
    valid: (value) => Number.isInteger(value) && value >= min && value <= (max ?? value),
  };
}

/** Node's parse errors, by code, as one short line naming the argument (`arg`) at fault. */
function describeParseError(error: Error & { code?: string }): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  const option = quoted.split(/[\s,]+/).find((part) => part.startsWith('--')) ?? quoted;
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option '${quoted}'`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument '${quoted}'`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (/does not take an argument/.test(error.message)) return `option ${option} takes no value`;
      if (/ambiguous/.test(error.message)) {
        return `option ${option} needs a value (for one that starts with '-', write ${option}=-N)`;
      }
      return `option ${option} needs a value`;
    default:
      return error.message.split('\n')[0]?.replace(/\.$/, '') ?? 'bad arguments';
  }
}

/** The message of a usage error: the problem, then what is allowed, when given. */
function usageMessage(problem: string, usage: string | undefined): string {
  return usage === undefined ? problem : `${problem}; ${usage}`;
}

/**
 * Reads a command line with node:util's `parseArgs` (strict unless `strict: false`: unknown
 * options refused, positionals only when `allowPositionals` says so). Every error becomes a `UsageError` of one line naming
 * the argument at fault (`unknown option '--fast'`, `option --port needs a value`,
 * `unexpected argument 'x'`), followed by `; usage` when given. Under `runMain`, that is one line
 * on stderr and exit status 2. Twin of `argparse.ArgumentParser.parse_args()`.
 *
 * @example const { values } = parseOptions({ args: argv, options: { workers: { type: 'string' } } })
 * @throws UsageError for any argument `parseArgs` refuses.
 */
export function parseOptions<T extends ParseArgsConfig>(
  config: T,
  usage?: string,
): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError(usageMessage(describeParseError(error as Error), usage));
  }
}

/**
 * The number an option's text gives (undefined when the option is absent), or a `UsageError`
 * `--name must be <rule.what>, got '<text>'` (then `; usage` when given). Only plain decimal text
 * counts as a number: `1e3`, `0x10`, `' 3'` and `''` are refused, as `type=float` would be.
 * Twin of argparse's `type=int` / `type=float` with a range check.
 *
 * @example numberOption('repeat', values.repeat, wholeNumber(1)) ?? 1
 * @throws UsageError when the text is not a number that satisfies `rule.valid`.
 */
export function numberOption(name: string, text: string, rule: NumberRule, usage?: string): number;
export function numberOption(
  name: string,
  text: string | undefined,
  rule: NumberRule,
  usage?: string,
): number | undefined;
export function numberOption(
  name: string,
  text: string | undefined,
  rule: NumberRule,
  usage?: string,
): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^[+-]?(?:\d+\.?\d*|\.\d+)$/.test(text) || !rule.valid(value)) {
    throw new UsageError(usageMessage(`--${name} must be ${rule.what}, got '${text}'`, usage));
  }
  return value;
}

/**
 * The one option of the book's servers, `--port N` (0: a free port, which the server's start-up
 * line names): the port to listen on, `bookPort` without it. A bad value or another option is a
 * one-line `UsageError` naming the program (`usage: echo_server [--port ...]`).
 *
 * @example const port = portOption(8888) // `--port 9000` -> 9000
 */
export function portOption(
  bookPort: number,
  args: readonly string[] = process.argv.slice(2),
  program: string = basename(process.argv[1] ?? 'server').replace(/\.[cm]?[jt]s$/, ''),
): number {
  const usage = `usage: ${program} [--port 0..65535 (default ${bookPort}; 0: a free port)]`;
  const { values } = parseOptions(
    { args: [...args], options: { port: { type: 'string' } } },
    usage,
  );
  return numberOption('port', values.port, wholeNumber(0, 65_535), usage) ?? bookPort;
}
