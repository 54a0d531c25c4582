/**
 * How a book URL reaches the imitation. Two ways, one table (keys are `host + path`, e.g.
 * `www.python.org/`):
 *
 * - path form, what the TypeScript examples use: `http://python.org` becomes
 *   `http://127.0.0.1:<port>/python.org/`, and redirects answer with local paths;
 * - proxy form, for clients that take an HTTP proxy (the book's Python `requests` with
 *   `HTTP_PROXY`): the request line carries the absolute URL, `GET http://python.org/ HTTP/1.1`,
 *   and redirects answer with absolute URLs, which the client again sends through the proxy.
 */

/** `host + path` of a URL: lower-case host, the default port dropped, no query. */
export function siteKey(url: URL): string {
  return `${url.host.toLowerCase()}${url.pathname}`;
}

/**
 * The local URL that stands in for `bookUrl` on a server at `baseUrl`, the query kept. A URL the
 * server does not imitate maps too, to a path it answers with a 404 naming what it serves.
 *
 * @example localUrl('http://127.0.0.1:4000', 'http://python.org') // 'http://127.0.0.1:4000/python.org/'
 * @throws TypeError when `bookUrl` is not an absolute http(s) URL.
 */
export function localUrl(baseUrl: string, bookUrl: string): string {
  const url = new URL(bookUrl);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`only http and https URLs can be imitated, got ${bookUrl}`);
  }
  return `${baseUrl}/${siteKey(url)}${url.search}`;
}

/** What a request asks for: the table key, and whether it came in proxy form. */
export interface RequestTarget {
  key: string;
  proxied: boolean;
}

/** Reads a request target in either form (see the top of this file). */
export function readTarget(target: string): RequestTarget {
  if (/^https?:\/\//i.test(target)) return { key: siteKey(new URL(target)), proxied: true };
  const queryStart = target.indexOf('?');
  const path = queryStart === -1 ? target : target.slice(0, queryStart);
  return { key: path.replace(/^\//, ''), proxied: false };
}

/** The `location` of a redirect to `key`, in the form the request came in. */
export function redirectLocation(key: string, proxied: boolean): string {
  return proxied ? `http://${key}` : `/${key}`;
}
