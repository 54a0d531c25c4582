import { syntheticPage } from './synthetic-page.js';

/**
 * One answer of the imitation: a redirect to another page of the same server, or a page. Keys are
 * `host + path` of the real URL (`www.python.org/`), so the same table serves both ways of asking
 * (see `routing.ts`).
 */
export type Answer =
  | { kind: 'redirect'; status: 301 | 302; location: string }
  | {
      kind: 'page';
      status: number;
      contentType: string;
      body: Buffer;
      /** Book milliseconds (the time scale applies) to wait before answering, as a far site would. */
      delayMs: number;
    };

/** A site the book fetches: its URL as the book writes it, and where its redirects end. */
export interface BookSite {
  /** The URL exactly as the book's programs write it, e.g. `http://python.org`. */
  readonly bookUrl: string;
  /** `host + path` of the page the redirects end on (the page itself when there is no redirect). */
  readonly finalKey: string;
  /** Status of the final answer: 200, or 403 for packtpub.com, which refused the book's script. */
  readonly status: number;
  /** `content-type` of the final answer; no charset for the two documentation sites, as theirs. */
  readonly contentType: string;
  /** The final answer's body, exactly as sent. */
  readonly body: Buffer;
  /** Book milliseconds the final answer waits. */
  readonly delayMs: number;
}

/** The 403 page nginx sent the book's script (7 lines, CRLF, 168 bytes): generic server boilerplate. */
const FORBIDDEN_PAGE = Buffer.from(
  [
    '<html>',
    '<head><title>403 Forbidden</title></head>',
    '<body bgcolor="white">',
    '<center><h1>403 Forbidden</h1></center>',
    '<hr><center>nginx/1.4.5</center>',
    '</body>',
    '</html>',
    '',
  ].join('\r\n'),
  'latin1',
);

const PYTHON_ORG = syntheticPage({
  site: 'python.org',
  title: 'Welcome to Python.org',
  // The saved page: 50,027 bytes of UTF-8 with one two-byte character, so 50,026 characters.
  paragraphs: ['A page about Python, with one character outside ASCII: ü.'],
  bytes: 50_027,
  encoding: 'utf8',
});

const ASYNCIO_DOCS = syntheticPage({
  site: 'docs.python.org/3/library/asyncio',
  title: 'asyncio — Asynchronous I/O &#8212; Python 3.7.1 documentation',
  // Two em dashes in all (one in the title) and one pilcrow, as on the saved page.
  paragraphs: ['asyncio — a library to write concurrent code¶'],
  bytes: 13_582,
  encoding: 'utf8',
});

const AIOHTTP_DOCS = syntheticPage({
  site: 'aiohttp.readthedocs.io',
  title: 'Welcome to AIOHTTP &#8212; aiohttp 3.4.4 documentation',
  // ¶ ×13, ’ ×5, “ ×2, ” ×2, as on the saved page.
  paragraphs: [
    ...Array.from({ length: 13 }, (_, i) => `Section ${i + 1}¶`),
    'It’s the client’s and the server’s side; that’s what it’s for.',
    '“Asynchronous HTTP” client and server, “for asyncio”.',
  ],
  bytes: 26_626,
  encoding: 'utf8',
});

const GOOGLE = syntheticPage({
  site: 'google.com',
  title: 'Google',
  // Latin-1 with one no-break space (byte 0xA0), as the saved page.
  paragraphs: ['Search\u00a0the web'],
  bytes: 12_136,
  encoding: 'latin1',
});

/** The five sites of Chapter 11 (Chapter 10's aiohttp_client fetches python.org), in the book's order. */
export const BOOK_SITES: readonly BookSite[] = [
  {
    bookUrl: 'http://packtpub.com',
    finalKey: 'packtpub.com/',
    status: 403,
    contentType: 'text/html',
    body: FORBIDDEN_PAGE,
    delayMs: 100,
  },
  {
    bookUrl: 'http://python.org',
    finalKey: 'www.python.org/',
    status: 200,
    contentType: 'text/html; charset=utf-8',
    body: PYTHON_ORG,
    delayMs: 400,
  },
  {
    bookUrl: 'http://docs.python.org/3/library/asyncio',
    finalKey: 'docs.python.org/3/library/asyncio.html',
    status: 200,
    contentType: 'text/html',
    body: ASYNCIO_DOCS,
    delayMs: 300,
  },
  {
    bookUrl: 'http://aiohttp.readthedocs.io',
    finalKey: 'aiohttp.readthedocs.io/en/stable/',
    status: 200,
    contentType: 'text/html',
    body: AIOHTTP_DOCS,
    delayMs: 300,
  },
  {
    bookUrl: 'http://google.com',
    finalKey: 'www.google.com/',
    status: 200,
    contentType: 'text/html; charset=ISO-8859-1',
    body: GOOGLE,
    delayMs: 200,
  },
];

/** The redirect hops: the real bare domains sent clients on to another page. */
const REDIRECTS: ReadonlyArray<readonly [from: string, status: 301 | 302, to: string]> = [
  ['python.org/', 301, 'www.python.org/'],
  ['docs.python.org/3/library/asyncio', 301, 'docs.python.org/3/library/asyncio.html'],
  ['aiohttp.readthedocs.io/', 302, 'aiohttp.readthedocs.io/en/stable/'],
  ['google.com/', 301, 'www.google.com/'],
];

/** Every answer the server knows, by `host + path`. */
export const ANSWERS: ReadonlyMap<string, Answer> = new Map<string, Answer>([
  ...REDIRECTS.map(
    ([from, status, to]) => [from, { kind: 'redirect', status, location: to }] as const,
  ),
  ...BOOK_SITES.map(
    (site) =>
      [
        site.finalKey,
        {
          kind: 'page',
          status: site.status,
          contentType: site.contentType,
          body: site.body,
          delayMs: site.delayMs,
        },
      ] as const,
  ),
]);

/**
 * The site the book fetches at `bookUrl` (`http://python.org`...), or undefined for any other URL.
 *
 * @example bookSite('http://python.org')?.body.toString('utf8').length // 50026
 */
export function bookSite(bookUrl: string): BookSite | undefined {
  return BOOK_SITES.find((site) => site.bookUrl === bookUrl);
}
