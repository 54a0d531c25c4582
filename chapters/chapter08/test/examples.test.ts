import { packageDirOf, testBadArguments } from '@mc/testing';
import { describeDeclaration } from '@mc/testing/declaration-test';
import declaration from '../src/examples.js';

const packageDir = packageDirOf(import.meta.url);

describeDeclaration(declaration, import.meta.url);

testBadArguments(packageDir, [
  ['example1', ['--show'], "unknown option '--show'; this program takes no arguments"],
  ['example5', ['3'], "unexpected argument '3'; this program takes no arguments"],
  [
    'generate_input',
    ['--scale', '0'],
    "--scale must be a whole number from 1 to 8, got '0'; usage: generate_input [--scale K], K from 1 to 8",
  ],
]);
