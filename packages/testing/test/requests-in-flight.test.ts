import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { watchRequestsInFlight } from '../src/requests-in-flight.js';

describe('watchRequestsInFlight', () => {
  it("counts the requests this process's HTTP servers serve at once: in turn, then together", async () => {
    const server = createServer((_request, response) => {
      setTimeout(() => response.end('ok'), 100);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const get = () => fetch(url).then((response) => response.text());
    try {
      const inTurn = await watchRequestsInFlight(async () => {
        for (let i = 0; i < 3; i++) await get();
      });
      const together = await watchRequestsInFlight(() => Promise.all([get(), get(), get()]));
      expect(inTurn.trace).toEqual([1, 0, 1, 0, 1, 0]);
      expect(inTurn.most).toBe(1);
      expect(together.trace).toEqual([1, 2, 3, 2, 1, 0]);
      expect(together.value).toEqual(['ok', 'ok', 'ok']);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
