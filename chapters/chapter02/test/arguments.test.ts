import { packageDirOf, testBadArguments } from '@mc/testing';

// A bad command line: one line naming the valid choices, exit status 2, and the program never runs.
testBadArguments(packageDirOf(import.meta.url), [
  ['example1', ['--bogus'], "unknown option '--bogus'; this program takes no arguments"],
  ['example1', ['4'], "unexpected argument '4'; this program takes no arguments"],
]);
