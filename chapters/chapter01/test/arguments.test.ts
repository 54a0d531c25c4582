import { packageDirOf, testBadArguments } from '@mc/testing';

// A bad command line: one line naming the valid choices, exit status 2, and the program never runs.
testBadArguments(packageDirOf(import.meta.url), [
  ['example2', ['--bogus'], "unknown option '--bogus'; this program takes no arguments"],
]);
