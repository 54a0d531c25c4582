import { testBadArguments } from '@mc/testing';
import { packageDir } from './server.js';

const USAGE = 'usage: [--port 0..65535 (default 8080; 0: a free port)]';

testBadArguments(packageDir, [
  ['example1', ['--port', 'x'], `--port must be a whole number from 0 to 65535, got 'x'; ${USAGE}`],
  [
    'example3',
    ['--port', '70000'],
    `--port must be a whole number from 0 to 65535, got '70000'; ${USAGE}`,
  ],
  ['example6', ['--prt', '1'], `unknown option '--prt'; ${USAGE}`],
  ['example6', ['extra'], `unexpected argument 'extra'; ${USAGE}`],
  ['example2', ['extra'], "unexpected argument 'extra'; this program takes no arguments"],
  ['example4', ['--fast'], "unknown option '--fast'; this program takes no arguments"],
  ['example5', ['extra'], "unexpected argument 'extra'; this program takes no arguments"],
]);
