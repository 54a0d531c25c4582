// Mirrors Chapter16/example6.py: example5's program with the snapshot reader of
// concurrent_network.ts. Thread 1 copies the network, then reads the primary A from its copy
// after 1 s, while thread 2 deletes A from the network itself: the reader answers A's value,
// 1, with no lock, and nothing fails. As in example5, the threads are core Threads on the event loop.
import { isMain, print, runMain } from '@mc/core';
import { Thread } from '@mc/core/threading';
import { Network } from './concurrent_network.js';

const myNetwork = new Network('A', 1);

export async function printNetworkPrimaryValue(): Promise<void> {
  print(`Current primary value: ${await myNetwork.getPrimaryValue()}.`);
}

export async function main(): Promise<void> {
  print(`Initial network: ${myNetwork}`);
  print();

  myNetwork.addNode('B', 1);
  myNetwork.addNode('C', 1);
  print(`Full network: ${myNetwork}`);
  print();

  const thread1 = new Thread({ target: printNetworkPrimaryValue });
  const thread2 = new Thread({ target: () => myNetwork.refreshPrimary() });

  await thread1.start();
  await thread2.start();

  await thread1.join();
  await thread2.join();

  print(`Final network: ${myNetwork}`);
  print();

  print('Finished.');
}

if (isMain(import.meta.url)) runMain(main, { options: {} });
