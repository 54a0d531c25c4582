import { testBadArguments } from '@mc/testing';
import { packageDir } from './server.js';

const usage = (name: string) => `usage: ${name} [--port 0..65535 (default 8080; 0: a free port)]`;

testBadArguments(packageDir, [
  [
    'example1',
    ['--port', 'x'],
    `--port must be a whole number from 0 to 65535, got 'x'; ${usage('example1')}`,
  ],
  [
    'example3',
    ['--port', '70000'],
    `--port must be a whole number from 0 to 65535, got '70000'; ${usage('example3')}`,
  ],
  ['example6', ['--prt', '1'], `unknown option '--prt'; ${usage('example6')}`],
  ['example6', ['extra'], `unexpected argument 'extra'; ${usage('example6')}`],
  ['example2', ['extra'], "unexpected argument 'extra'; this program takes no arguments"],
  ['example4', ['--fast'], "unknown option '--fast'; this program takes no arguments"],
  ['example5', ['extra'], "unexpected argument 'extra'; this program takes no arguments"],
]);
