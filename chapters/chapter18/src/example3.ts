// Mirrors Chapter18/example3.py: the calculator protocol on example1's blocking server. Each
// client starts in sum mode; `sum` and `product` switch modes, `quit` leaves, and every other line
// must be integers separated by commas. Still one client at a time: the next waits, unanswered
// (not even welcomed), until this one has left.
//
// Node never blocks: `await` takes the place of the blocking calls, and the one-at-a-time service
// is the Listener's queue (src/blocking-socket.ts). The accept loop is example1's `reactor`. Python's ints have no limit: the sums and
// products are BigInts. Fixed here, on purpose: a client that leaves without `quit` ends its
// session (the book's loop spins at full CPU and never serves anyone again).
//
//   --port N   listen on port N instead of 8080 (0: a free port; the line printed names it)
import { isMain, portOption, print, pyAscii, runMain } from '@mc/core';
import type { Connection } from './blocking-socket.js';
import { NOT_INTEGERS, parseIntegers, product, sum } from './calculator.js';
import { reactor } from './example1.js';
import { BOOK_PORT } from './listen.js';

async function processRequest(conn: Connection): Promise<void> {
  print(`Received connection from ${conn.address}`);
  let mode = 'sum';
  try {
    await conn.sendall('<welcome: starting in sum mode>\n');
    for (;;) {
      const raw = await conn.readline();
      if (raw === undefined) return; // the client left: the book loops here for ever
      const line = raw.trimEnd();
      if (line === 'quit') {
        await conn.sendall('connection closed\r\n');
        return;
      }
      if (line === 'sum') {
        await conn.sendall('<switching to sum mode>\r\n');
        mode = 'sum';
        continue;
      }
      if (line === 'product') {
        await conn.sendall('<switching to product mode>\r\n');
        mode = 'product';
        continue;
      }

      print(`${conn.address} --> ${line}`);
      const nums = parseIntegers(line);
      if (nums === undefined) {
        await conn.sendall(`${NOT_INTEGERS}\n`);
        continue;
      }
      if (mode === 'sum') {
        await conn.sendall(`Sum of input numbers: ${pyAscii(String(sum(nums)))}\r\n`);
      } else {
        await conn.sendall(`Product of input numbers: ${pyAscii(String(product(nums)))}\r\n`);
      }
    }
  } finally {
    print(`${conn.address} quit`);
    conn.close();
  }
}

if (isMain(import.meta.url)) {
  runMain(() => reactor(portOption(BOOK_PORT), processRequest));
}
