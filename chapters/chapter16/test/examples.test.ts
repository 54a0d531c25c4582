import { describeDeclaration } from '@mc/testing/declaration-test';
import { describe, expect, it } from 'vitest';
import declaration, { parseBothCounters, parseSingleCounter } from '../src/examples.js';

describeDeclaration(declaration, import.meta.url);

describe('the charts the runner draws', () => {
  it("reads example3's blocks, Node's and the Python twin's alike", () => {
    const block = (n: number, seconds: string) =>
      `Number of threads: ${n}\nFinal counter: ${100 * n}.\nTime taken: ${seconds} seconds.\n${'-'.repeat(40)}\n`;
    expect(parseSingleCounter(block(1, ' 0.11') + block(2, ' 0.23'))).toEqual([
      {
        label: 'Single counter',
        times: [
          { workers: 1, seconds: 0.11 },
          { workers: 2, seconds: 0.23 },
        ],
      },
    ]);
  });

  it("reads example4's two closing lines", () => {
    const [single, approximate] = parseBothCounters(
      'Single counter times: 0.11, 0.23 seconds.\nApproximate counter times: 0.12, 0.13 seconds.\n',
    );
    expect(single?.times).toEqual([
      { workers: 1, seconds: 0.11 },
      { workers: 2, seconds: 0.23 },
    ]);
    expect(approximate?.label).toBe('Approximate counter');
    expect(approximate?.times.map((time) => time.seconds)).toEqual([0.12, 0.13]);
    // The book's example4 prints no times: no series to draw.
    expect(
      parseBothCounters('Number of threads: 1\n').every((series) => series.times.length === 0),
    ).toBe(true);
  });
});
