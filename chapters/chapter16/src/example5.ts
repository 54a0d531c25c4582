// Mirrors Chapter16/example5.py: the unsafe reader of network.ts races with refreshPrimary.
// Thread 1 reads the primary key A and waits 1 s; thread 2 deletes A meanwhile; thread 1's lookup
// fails with KeyError: 'A', reported on stderr as Python reports an exception in a thread, and the
// program goes on and ends with status 0. Both threads are core Threads, tasks on the event loop:
// the race is across the reader's `await`, as it is across Python's sleep, and it happens every run.
import { isMain, print, runMain } from '@mc/core';
import { Thread } from '@mc/core/threading';
import { Network } from './network.js';

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
