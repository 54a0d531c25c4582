import { packageDirOf, testBadArguments } from '@mc/testing';

// A bad command line: one line naming the valid choices, exit status 2, and the program never runs.
testBadArguments(packageDirOf(import.meta.url), [
  ['example1', ['--bogus'], "unknown option '--bogus'; this program takes no arguments"],
  ['example3', ['extra'], "unexpected argument 'extra'; this program takes no arguments"],
  ['example4', ['--bogus'], "unknown option '--bogus'; this program takes no arguments"],
  ['example5', ['--bogus'], "unknown option '--bogus'; this program takes no arguments"],
]);

testBadArguments(packageDirOf(import.meta.url), [
  ['my_thread', ['--bogus'], "unknown option '--bogus'; usage: my_thread [NAME [DELAY]]"],
  [
    'my_thread',
    ['A', '0.5', 'extra'],
    "unexpected argument 'extra'; usage: my_thread [NAME [DELAY]]",
  ],
]);
