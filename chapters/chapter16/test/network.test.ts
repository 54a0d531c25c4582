import { captureLines } from '@mc/testing';
import { describe, expect, it } from 'vitest';
import { Network as SnapshotNetwork } from '../src/concurrent_network.js';
import { choice, KeyError, Network } from '../src/network.js';

describe.each([
  ['network.py', Network],
  ['concurrent_network.py', SnapshotNetwork],
])('%s', (_, NetworkClass) => {
  it('prints its nodes in insertion order', () => {
    const network = new NetworkClass('A', 1);
    expect(network.addNode('B', 1)).toBe(true);
    expect(network.addNode('C', 1)).toBe(true);
    expect(`${network}`).toBe('{\n\tA: 1;\n\tB: 1;\n\tC: 1;\n}');
  });

  it('refuses a key it has', () => {
    const network = new NetworkClass('A', 1);
    expect(network.addNode('A', 5)).toBe(false);
    expect(`${network}`).toBe('{\n\tA: 1;\n}');
  });

  it('refreshPrimary deletes the primary and picks one of the others at random', () => {
    for (const [random, picked] of [
      [0, 'B'],
      [0.99, 'C'],
    ] as const) {
      const network = new NetworkClass('A', 1, () => random);
      network.addNode('B', 2);
      network.addNode('C', 3);
      network.refreshPrimary();
      expect(network.primaryKey).toBe(picked);
      expect([...network.data.keys()]).toEqual(['B', 'C']);
    }
  });
});

describe('the two readers, racing refreshPrimary', () => {
  const distinct = <N extends Network | SnapshotNetwork>(network: N): N => {
    network.addNode('B', 2);
    network.addNode('C', 3);
    return network;
  };

  it('the unsafe reader fails: the key it read was deleted during its wait', async () => {
    const network = distinct(new Network('A', 1));
    const read = captureLines(() => network.getPrimaryValue(), { timeScale: 0.01 });
    network.refreshPrimary();
    await expect(read).rejects.toThrow(new KeyError('A'));
  });

  it("the snapshot reader answers the old primary's value, though A is gone, every time", async () => {
    for (let run = 0; run < 10; run++) {
      const network = distinct(new SnapshotNetwork('A', 1));
      const read = captureLines(() => network.getPrimaryValue(), { timeScale: 0.01 });
      network.refreshPrimary();
      expect((await read).value).toBe(1);
      expect(network.data.has('A')).toBe(false);
      expect(['B', 'C']).toContain(network.primaryKey);
    }
  });

  it('choice refuses an empty list, as random.choice does', () => {
    expect(() => choice([])).toThrow('Cannot choose from an empty sequence');
  });
});
