// The module a child imports to find its target: the compiled copy of a TypeScript module, and the
// classes of the module, known to the parent too, so what a child sends back is rebuilt as theirs.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Process, Queue } from '../src/multiprocessing/index.js';
import { runnableModule } from '../src/multiprocessing/process.js';
// @ts-expect-error: a plain JavaScript fixture, loaded as it is by the children too.
import * as fixtures from './fixtures/processes.mjs';

const module = new URL('./fixtures/processes.mjs', import.meta.url).href;
const folder = mkdtempSync(join(tmpdir(), 'mc-runnable-'));

beforeAll(() => {
  process.env.BOOK_TIME_SCALE = '0.01';
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('runnableModule', () => {
  it('gives the .js beside a .ts module, and a module whose folder is named .ts as it is', async () => {
    writeFileSync(join(folder, 'twin.ts'), 'export const twin = 1;\n');
    writeFileSync(join(folder, 'twin.js'), 'export const twin = 1;\n');
    mkdirSync(join(folder, 'lib.ts'));
    writeFileSync(join(folder, 'lib.ts', 'plain.mjs'), 'export const plain = 1;\n');
    const twin = pathToFileURL(join(folder, 'twin.ts')).href;
    const plain = pathToFileURL(join(folder, 'lib.ts', 'plain.mjs')).href;
    expect(await runnableModule(twin)).toBe(twin.replace(/ts$/, 'js'));
    expect(await runnableModule(plain)).toBe(plain);
  });

  // The first start with this module in this file: nothing else has made its classes known here.
  it('makes the classes of the module known here: a Point a child sends back is a Point', async () => {
    const queue = new Queue<unknown>();
    const child = new Process({ target: fixtures.sendPoint, args: [queue], module });
    await child.start();
    const point = await queue.get();
    await child.join();
    expect(point).toBeInstanceOf(fixtures.Point);
  });
});
