// Mirrors Chapter16/network.py: a "network" of nodes meant to be used without a lock, whose reader
// is not safe. getPrimaryValue reads the primary's key, waits 1 s, then looks that key up: a
// refreshPrimary in between deletes it, and the lookup fails with KeyError: 'A'. A JavaScript Map
// answers undefined for a missing key; this lookup throws, as Python's dict does.
import { sleep } from '@mc/core/time';

/** Python's KeyError: a dictionary lookup of a key that is not there. */
export class KeyError extends Error {
  override name = 'KeyError';
  constructor(key: string) {
    super(`'${key}'`);
  }
}

/** Python's `random.choice`: a uniformly random element of a non-empty list. */
export function choice<T>(items: readonly T[], random: () => number = Math.random): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new RangeError('Cannot choose from an empty sequence');
  return item;
}

/** The nodes' string form, one `\tkey: value;` line per node in insertion order. */
export function formatNodes(data: ReadonlyMap<string, unknown>): string {
  let result = '{\n';
  for (const [key, value] of data) result += `\t${key}: ${value};\n`;
  return `${result}}`;
}

export class Network {
  primaryKey: string;
  data: Map<string, number>;

  constructor(
    primaryKey: string,
    primaryValue: number,
    readonly random: () => number = Math.random,
  ) {
    this.primaryKey = primaryKey;
    this.data = new Map([[primaryKey, primaryValue]]);
  }

  toString(): string {
    return formatNodes(this.data);
  }

  addNode(key: string, value: number): boolean {
    if (!this.data.has(key)) {
      this.data.set(key, value);
      return true;
    }

    return false;
  }

  /** Deletes the primary and picks a new one at random; it needs at least two nodes. */
  refreshPrimary(): void {
    this.data.delete(this.primaryKey);
    this.primaryKey = choice([...this.data.keys()], this.random);
  }

  async getPrimaryValue(): Promise<number> {
    const primaryKey = this.primaryKey;
    await sleep(1); // creating a delay
    const value = this.data.get(primaryKey);
    if (value === undefined) throw new KeyError(primaryKey);
    return value;
  }
}
