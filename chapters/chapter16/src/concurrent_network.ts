// Mirrors Chapter16/concurrent_network.py: the same network, with a safe reader and no lock.
// The book's module repeats network.py whole and changes only get_primary_value; here the class
// extends network.ts's and overrides that one method. getPrimaryValue first takes a private deep
// copy (a snapshot) and reads only that: a refresh during its 1 s wait changes the network, not
// the copy. The copy is taken before the first await, so no other task can run during it
// (Python's deepcopy could, in principle, be switched out midway). structuredClone copies the
// fields; cloning the instance would lose its class.
import { sleep } from '@mc/core/time';
import { KeyError, Network as UnsafeNetwork } from './network.js';

export class Network extends UnsafeNetwork {
  override async getPrimaryValue(): Promise<number> {
    const copyNetwork = structuredClone({ primaryKey: this.primaryKey, data: this.data });

    const primaryKey = copyNetwork.primaryKey;
    await sleep(1); // creating a delay
    const value = copyNetwork.data.get(primaryKey);
    if (value === undefined) throw new KeyError(primaryKey);
    return value;
  }
}
