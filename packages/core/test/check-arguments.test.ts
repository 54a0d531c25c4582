import { describe, expect, it } from 'vitest';
import { checkArguments } from '../src/check-arguments.js';
import { UsageError } from '../src/errors.js';

describe('checkArguments', () => {
  const options = { guarded: { type: 'boolean' }, files: { type: 'string' } } as const;

  it('accepts the declared options', () => {
    expect(() => checkArguments(['--guarded', '--files', '3'], options)).not.toThrow();
    expect(() => checkArguments([], {})).not.toThrow();
  });

  it.each([
    [['--gaurded'], "unknown option '--gaurded'; valid options: --guarded, --files VALUE"],
    [['extra'], "unexpected argument 'extra'; valid options: --guarded, --files VALUE"],
    [['--files'], "option '--files' needs a value; valid options: --guarded, --files VALUE"],
  ])('refuses %j in one line naming the valid options', (argv, message) => {
    expect(() => checkArguments(argv, options)).toThrow(UsageError);
    expect(() => checkArguments(argv, options)).toThrow(message);
  });

  it('says when a program takes no arguments at all', () => {
    expect(() => checkArguments(['-x'], {})).toThrow(
      "unknown option '-x'; this program takes no arguments",
    );
  });
});
