import { STATUS_CODES } from 'node:http';
import { describe, expect, it } from 'vitest';
import { reasonPhrase, UNASSIGNED_REASON } from '../src/index.js';

describe('reasonPhrase', () => {
  it("uses Node's phrase for every registered code", () => {
    for (const [code, phrase] of Object.entries(STATUS_CODES)) {
      expect(reasonPhrase(Number(code))).toBe(phrase);
    }
  });

  it.each([
    [520, 'Web Server Returned an Unknown Error'],
    [521, 'Web Server Is Down'],
    [522, 'Connection Timed Out'],
    [523, 'Origin Is Unreachable'],
    [524, 'A Timeout Occurred'],
    [525, 'SSL Handshake Failed'],
    [526, 'Invalid SSL Certificate'],
    [527, 'Railgun Error'],
    [499, 'Client Closed Request'],
  ])('fills in the unofficial %i as "%s"', (code, phrase) => {
    expect(reasonPhrase(code)).toBe(phrase);
  });

  it('names every code from 100 to 599, Unassigned where nobody did', () => {
    for (let code = 100; code <= 599; code += 1) expect(reasonPhrase(code)).not.toBe('');
    expect(reasonPhrase(299)).toBe(UNASSIGNED_REASON);
  });
});
