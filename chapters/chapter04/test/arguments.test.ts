import { fileURLToPath } from 'node:url';
import { testBadArguments } from '@mc/testing';

// A bad command line: one line naming the valid choices, exit status 2, and the program never runs.
testBadArguments(fileURLToPath(new URL('..', import.meta.url)), [
  [
    'example1',
    ['--bogus'],
    "unknown option '--bogus'; valid options: --files VALUE, --ulimit VALUE",
  ],
  [
    'example1',
    ['--files'],
    "option '--files' needs a value; valid options: --files VALUE, --ulimit VALUE",
  ],
  ['example1', ['--files', '0'], '--files needs a positive integer, got "0"'],
  ['example2', ['--gaurded'], "unknown option '--gaurded'; valid options: --guarded, --unbounded"],
]);
