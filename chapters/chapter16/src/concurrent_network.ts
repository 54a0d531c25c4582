// Mirrors Chapter16/concurrent_network.py: the same network, with a safe reader and no lock.
// getPrimaryValue first takes a private deep copy (a snapshot) and reads only that: a refresh
// during its 1 s wait changes the network, not the copy. The copy is taken before the first
// await, so no other task can run during it (Python's deepcopy could, in principle, be switched
// out midway). structuredClone copies the fields; cloning the instance would lose its class.
import { sleep } from '@mc/core/time';
import { choice, formatNodes, KeyError } from './network.js';

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

  // precondition: the object has more than one node left
  refreshPrimary(): void {
    this.data.delete(this.primaryKey);
    this.primaryKey = choice([...this.data.keys()], this.random);
  }

  async getPrimaryValue(): Promise<number> {
    const copyNetwork = structuredClone({ primaryKey: this.primaryKey, data: this.data });

    const primaryKey = copyNetwork.primaryKey;
    await sleep(1); // creating a delay
    const value = copyNetwork.data.get(primaryKey);
    if (value === undefined) throw new KeyError(primaryKey);
    return value;
  }
}
