import { describe, expect, it } from 'vitest';
import { numberOption, parseOptions, portOption, UsageError, wholeNumber } from '../src/index.js';

const options = { port: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;

/** The UsageError message `parseOptions` throws for `args`, or undefined when it parses them. */
function refusal(args: string[], usage?: string): string | undefined {
  try {
    parseOptions({ args, options }, usage);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
}

describe('parseOptions', () => {
  it('returns what parseArgs returns for a good command line', () => {
    const { values, positionals } = parseOptions({
      args: ['--port', '80', 'file', '-h'],
      options,
      allowPositionals: true,
    });
    expect(values).toEqual({ port: '80', help: true });
    expect(positionals).toEqual(['file']);
  });

  it('turns each parse error into one line naming the argument at fault', () => {
    expect(refusal(['--fast'])).toBe("unknown option '--fast'");
    expect(refusal(['extra'])).toBe("unexpected argument 'extra'");
    expect(refusal(['--port'])).toBe('option --port needs a value');
    expect(refusal(['--port', '-5'])).toBe(
      "option --port needs a value (for one that starts with '-', write --port=-N)",
    );
    expect(refusal(['--help=yes'])).toBe('option --help takes no value');
  });

  it('adds what is allowed after a semicolon, on the same line', () => {
    expect(refusal(['--fast'], 'usage: serve [--port N]')).toBe(
      "unknown option '--fast'; usage: serve [--port N]",
    );
  });
});

describe('numberOption', () => {
  const port = wholeNumber(0, 65_535);

  it('reads plain decimal text in range, and nothing when the option is absent', () => {
    expect(numberOption('port', '8080', port)).toBe(8080);
    expect(numberOption('port', undefined, port)).toBeUndefined();
    expect(numberOption('scale', '0.5', { what: 'a number', valid: Number.isFinite })).toBe(0.5);
  });

  it('refuses text that is not a plain number, or out of the rule, in one line', () => {
    for (const text of ['x', '', ' 3', '1e3', '0x10', '1.5', '-1', '65536']) {
      expect(() => numberOption('port', text, port)).toThrow(
        new UsageError(`--port must be a whole number from 0 to 65535, got '${text}'`),
      );
    }
    expect(() => numberOption('repeat', '0', wholeNumber(1), 'usage: run')).toThrow(
      new UsageError("--repeat must be a whole number of at least 1, got '0'; usage: run"),
    );
  });
});

describe('portOption', () => {
  it("reads --port N, the book's port without it, 0 for a free one", () => {
    expect(portOption(8888, [])).toBe(8888);
    expect(portOption(8888, ['--port', '0'])).toBe(0);
    expect(portOption(8888, ['--port=8080'])).toBe(8080);
  });

  it('refuses a port out of range or another option in one line naming the usage', () => {
    expect(() => portOption(8888, ['--port', '65536'], 'echo_server')).toThrow(
      "--port must be a whole number from 0 to 65535, got '65536'; usage: echo_server [--port 0..65535 (default 8888; 0: a free port)]",
    );
    expect(() => portOption(8080, ['--fast'])).toThrow(UsageError);
  });
});
