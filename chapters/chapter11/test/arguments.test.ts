import { fileURLToPath } from 'node:url';
import { testBadArguments } from '@mc/testing';

// Python's book programs ignore their command line; these refuse what they do not take.
const none = "unknown option '--bogus'; this program takes no arguments";
testBadArguments(
  fileURLToPath(new URL('..', import.meta.url)),
  [4, 5, 6].map((n) => [`example${n}`, ['--bogus'], none] as const),
);
