import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { print } from '../src/index.js';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

describe('print', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('writes each line to process.stdout at once, one write a call, in call order', () => {
    const written: unknown[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => written.push(chunk) > 0);
    print('Result 1:', [2, 3]);
    print(true, null, 35443n);
    print();
    expect(written).toEqual(['Result 1: [2, 3]\n', 'True None 35443\n', '\n']);
  });

  it("puts one 'error' listener on stdout, however many lines it prints", () => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    print('first');
    const listeners = process.stdout.listenerCount('error');
    for (let i = 0; i < 100; i++) print(i);
    expect(process.stdout.listenerCount('error')).toBe(listeners);
  });

  it("keeps its lines in order with a child process's on the same stdout", () => {
    const out = execFileSync(process.execPath, [fixture('print-order.mjs')], { encoding: 'utf8' });
    expect(out).toBe('parent before\nchild\nparent after [1, True]\n');
  });

  it('drops its lines without a stack once the reader of stdout has gone, and the program runs to its end', async () => {
    const child = spawn(process.execPath, [fixture('print-reader-gone.mjs')], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      stderr += text;
    });
    const [first] = await once(child.stdout, 'data');
    expect(String(first)).toBe('first\n');
    // Close our end of the pipe, as `head -1` does once it has its line, then let the child go on.
    child.stdout.destroy();
    await once(child.stdout, 'close');
    child.stdin.end('go on\n');
    const [code, signal] = await once(child, 'exit');
    expect({ code, signal, stderr }).toEqual({
      code: 0,
      signal: null,
      stderr: 'reached the end\n',
    });
  });
});
