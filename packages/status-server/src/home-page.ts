import { createHash } from 'node:crypto';

/**
 * The HTML the server answers `GET /` with: the stand-in for the home page Chapter 5 of the book
 * downloads. It is a constant (no date, no counter, nothing random), so a downloaded copy can be
 * compared byte for byte, and it is a few kilobytes, so saving it is a real download.
 *
 * @example (await (await fetch(server.url)).text()) === HOME_PAGE_HTML // true
 */
export const HOME_PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Status server: Mastering Concurrency, the TypeScript edition</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #1f2328; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
th, td { border: 1px solid #d0d7de; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
code { background: #f6f8fa; padding: 0.1rem 0.3rem; border-radius: 4px; }
footer { margin-top: 2rem; font-size: 0.9rem; color: #59636e; }
</style>
</head>
<body>
<header>
<h1>Status server</h1>
<p>An embedded HTTP server that stands in for the public web services of Chapter 5 of
<em>Mastering Concurrency in Python</em>, so that every example of the chapter runs offline, on
this machine, and gives the same answers every time.</p>
</header>
<main>
<h2>What it answers</h2>
<table>
<thead><tr><th>Request</th><th>Answer</th></tr></thead>
<tbody>
<tr><td><code>GET /</code></td><td>this page</td></tr>
<tr><td><code>GET /{code}</code></td><td>that status, with the body <code>{code} {reason}</code>, for any code from 200 to 599</td></tr>
<tr><td><code>GET /{code}?sleep={ms}</code></td><td>the same, answered that many milliseconds later (0 to 300000)</td></tr>
<tr><td><code>HEAD</code> of any of these</td><td>the same status and headers, without a body</td></tr>
<tr><td>any other path</td><td><code>404</code>, with one line saying what exists</td></tr>
<tr><td>any other method</td><td><code>405</code>, with <code>allow: GET, HEAD</code></td></tr>
</tbody>
</table>
<h2>The six requests of the book</h2>
<ul>
<li><a href="/200">/200</a>: <code>200 OK</code></li>
<li><a href="/400">/400</a>: <code>400 Bad Request</code></li>
<li><a href="/404">/404</a>: <code>404 Not Found</code></li>
<li><a href="/408">/408</a>: <code>408 Request Timeout</code></li>
<li><a href="/500">/500</a>: <code>500 Internal Server Error</code></li>
<li><a href="/524">/524</a>: <code>524 A Timeout Occurred</code></li>
</ul>
<h2>Why every answer waits</h2>
<p>A server on the other side of the world answers a request a few hundred milliseconds after it
was sent; a server on the same machine answers in a fraction of a millisecond. The lesson of the
chapter is that a program waiting on the network can send its next request instead of idling, and
that lesson is invisible when the network costs nothing. So this server waits a network-like
latency before every answer (250 milliseconds unless it was started with another figure), scaled,
like every wait of the book, by the time scale in <code>BOOK_TIME_SCALE</code>. Six requests sent
one after the other take about six latencies; six sent together take about one.</p>
<p>The <code>sleep</code> parameter adds to that latency, to imitate one slow request among fast
ones: <a href="/200?sleep=2000">/200?sleep=2000</a> answers two seconds late.</p>
<h2>Try it</h2>
<p>Start it with <code>pnpm serve --port 8080</code> at the root of the repository, then point
curl, a browser or the book's own Python programs at <code>http://127.0.0.1:8080</code>.</p>
</main>
<footer>
<p>Part of Mastering Concurrency, the TypeScript edition. Served from 127.0.0.1 only; nothing here
goes to the internet.</p>
</footer>
</body>
</html>
`;

/** The home page as the bytes sent, encoded once. */
export const HOME_PAGE_BYTES: Buffer = Buffer.from(HOME_PAGE_HTML, 'utf8');
/** A strong entity tag of the home page, so clients see the ordinary headers of a static page. */
export const HOME_PAGE_ETAG = `"${createHash('sha256').update(HOME_PAGE_BYTES).digest('base64url').slice(0, 27)}"`;
