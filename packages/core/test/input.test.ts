import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// input() reads the real standard input of a process: each test runs the compiled fixture as a
// child and feeds it lines.
const fixture = fileURLToPath(new URL('./fixtures/input.mjs', import.meta.url));
const prompt = 'Say something: \n';

describe('input', () => {
  it('returns the line typed', () => {
    const out = execFileSync(process.execPath, [fixture], { input: 'hello\n', encoding: 'utf8' });
    expect(out).toBe(`${prompt}got hello\n`);
  });

  it('returns each of two lines that arrive together, in order (one reader keeps the second)', () => {
    const out = execFileSync(process.execPath, [fixture, '2'], {
      input: 'a\nb\n',
      encoding: 'utf8',
    });
    expect(out).toBe(`${prompt}got a\n${prompt}got b\n`);
  });

  it('raises EOFError when stdin is closed, and the program ends', () => {
    const result = spawnSync(process.execPath, [fixture], {
      input: '',
      encoding: 'utf8',
      timeout: 10_000,
    });
    expect(result.signal).toBeNull();
    expect(result.stdout).toBe(`${prompt}EOFError\n`);
  });

  it('raises EOFError on the call after the last line, as Python does', () => {
    const out = execFileSync(process.execPath, [fixture, '3'], { input: 'a\n', encoding: 'utf8' });
    expect(out).toBe(`${prompt}got a\n${prompt}EOFError\n${prompt}EOFError\n`);
  });

  it('lets the program end after its last input() while stdin stays open', async () => {
    const child = spawn(process.execPath, [fixture], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
    });
    child.stdin.write('only line\n'); // and never closed: the reader must not hold the program
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    const [code, signal] = await new Promise<[number | null, string | null]>((resolve) =>
      child.once('close', (exitCode, exitSignal) => resolve([exitCode, exitSignal])),
    );
    clearTimeout(killer);
    child.stdin.destroy();
    expect(signal).toBeNull();
    expect(code).toBe(0);
    expect(out).toBe(`${prompt}got only line\n`);
  });
});
