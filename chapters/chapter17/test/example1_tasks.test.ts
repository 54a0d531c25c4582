import { captureLines } from '@mc/testing';
import { describe, expect, it } from 'vitest';
import { main } from '../src/example1_tasks.js';

describe('example1_tasks (an addition beside example1.py)', () => {
  it('never loses an increment among event-loop tasks: n += 1 has no await inside', async () => {
    for (let run = 0; run < 10; run++) {
      const { lines, value } = await captureLines(main);
      expect(value).toBe(1000);
      expect(lines).toEqual(['Final value: 1000.', 'Finished.']);
    }
  });
});
