// Mirrors Chapter10/custom_client.py, which the book left unfinished: `import asyncio` and the
// first line of `async def get_html():`, with no body, so Python refuses to compile it. Its name
// says what it was meant to be: an HTML client written by hand over asyncio's streams. This twin
// finishes it that way, and says so: it opens a TCP connection (`asyncio.open_connection`'s twin,
// `net.connect`), writes an HTTP/1.0 GET, reads until the server closes, follows a redirect, and
// prints the length in characters of the page, to compare with aiohttp_client's. Offline by
// default (the embedded pages server); BOOK_ONLINE=1 for the real site (https through node:tls).
import { connect as connectTcp, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';
import { isMain, print, runMain } from '@mc/core';
import { run } from '@mc/core/asyncio';
import { openPages } from '@mc/pages-server';

const MAX_REDIRECTS = 5;

/** A parsed HTTP answer: status, headers (lower-case names) and body bytes. */
interface Answer {
  status: number;
  headers: Map<string, string>;
  body: Buffer;
}

/** Opens a stream to the URL's host, plain or TLS, resolving once connected. */
function openConnection(url: URL): Promise<Socket> {
  const secure = url.protocol === 'https:';
  const port = Number(url.port || (secure ? 443 : 80));
  return new Promise((resolve, reject) => {
    const socket = secure
      ? connectTls({ host: url.hostname, port, servername: url.hostname }, () => resolve(socket))
      : connectTcp({ host: url.hostname, port }, () => resolve(socket));
    socket.once('error', reject);
  });
}

/** One GET: HTTP/1.0, so the server closes the connection at the end of the body. */
async function get(url: URL): Promise<Answer> {
  const socket = await openConnection(url);
  socket.write(
    `GET ${url.pathname}${url.search} HTTP/1.0\r\nHost: ${url.host}\r\nUser-Agent: custom_client\r\n\r\n`,
  );
  const chunks: Buffer[] = [];
  for await (const chunk of socket) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const headEnd = raw.indexOf('\r\n\r\n');
  if (headEnd === -1) throw new Error(`no complete HTTP answer from ${url.host}`);
  const [statusLine = '', ...headerLines] = raw
    .subarray(0, headEnd)
    .toString('latin1')
    .split('\r\n');
  const headers = new Map<string, string>();
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { status: Number(statusLine.split(' ')[1]), headers, body: raw.subarray(headEnd + 4) };
}

/** The charset of a `content-type`, UTF-8 when none is declared (as aiohttp would guess here). */
function decode(body: Buffer, contentType = ''): string {
  const charset = /charset=([^;\s]+)/i.exec(contentType)?.[1]?.toLowerCase();
  // True ISO-8859-1 (Buffer's latin1); TextDecoder's label would mean windows-1252.
  if (charset === 'iso-8859-1' || charset === 'latin1') return body.toString('latin1');
  return new TextDecoder(charset ?? 'utf-8').decode(body);
}

/** What `get_html` was meant to do: the page at `url` as text, redirects followed. */
export async function getHtml(url: string): Promise<string> {
  let current = new URL(url);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
    const answer = await get(current);
    const location = answer.headers.get('location');
    if (answer.status >= 300 && answer.status < 400 && location !== undefined) {
      current = new URL(location, current);
      continue;
    }
    return decode(answer.body, answer.headers.get('content-type'));
  }
  throw new Error(`more than ${MAX_REDIRECTS} redirects from ${url}`);
}

export async function main(): Promise<void> {
  await using pages = await openPages();
  const html = await getHtml(pages.resolve('http://python.org'));
  print([...html].length);
}

if (isMain(import.meta.url)) runMain(() => run(main()), { options: {} });
