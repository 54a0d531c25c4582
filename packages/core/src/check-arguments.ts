import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from './errors.js';

/** The options a program accepts, as `node:util`'s `parseArgs` describes them. */
export type ProgramOptions = NonNullable<ParseArgsConfig['options']>;

/** `--files N, --ulimit N`, or a phrase saying there are none. */
function validChoices(options: ProgramOptions): string {
  const names = Object.entries(options).map(
    ([name, option]) => `--${name}${option.type === 'string' ? ' VALUE' : ''}`,
  );
  return names.length === 0
    ? 'this program takes no arguments'
    : `valid options: ${names.join(', ')}`;
}

/**
 * Checks a command line against the options a program accepts, before it runs: an unknown
 * option, a stray argument or an option without its value throws a one-line `UsageError` naming
 * the valid choices (under `runMain`: exit status 2). The program still reads the values itself.
 * Python's book programs ignore their command line; here a mistyped `--gaurded` would otherwise
 * run the wrong half of an example without a word.
 *
 * Twin of what argparse does for a Python program that declares its options (`error: unrecognized
 * arguments`).
 *
 * @example checkArguments(['--gaurded'], { guarded: { type: 'boolean' } }) // throws: unknown option '--gaurded'; valid options: --guarded
 */
export function checkArguments(argv: readonly string[], options: ProgramOptions): void {
  try {
    parseArgs({ args: [...argv], options, strict: true, allowPositionals: false });
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    const quoted = /'([^']+)'/.exec(message)?.[1] ?? '';
    const problem =
      code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
        ? `unknown option '${quoted}'`
        : code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL'
          ? `unexpected argument '${quoted}'`
          : code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
            ? `option '${quoted.split(' ')[0]}' needs a value`
            : (message.split('\n')[0] ?? message);
    throw new UsageError(`${problem}; ${validChoices(options)}`);
  }
}
