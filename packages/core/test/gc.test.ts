import { describe, expect, it } from 'vitest';
import { collect } from '../src/gc/index.js';

describe('collect', () => {
  it('empties a WeakRef whose target nothing holds, and not one whose target is held', async () => {
    let held: number[] | null = [7];
    const weakHeld = new WeakRef(held);
    const weakLost = new WeakRef([8]);
    await collect();
    expect(weakHeld.deref()).toBe(held);
    expect(weakLost.deref()).toBeUndefined();
    held = null;
    await collect();
    expect(weakHeld.deref()).toBeUndefined();
  });
});
