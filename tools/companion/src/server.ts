import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import { type BookPaths, declarations, declared, findTimeline } from './book.js';
import { loadHighlighter } from './highlight.js';
import type { PageMode } from './render.js';
import { type RunEvent, Runs } from './runs.js';
import {
  assetNames,
  chapterOfPage,
  chapterPage,
  indexPage,
  isTimelineName,
  readAsset,
} from './site.js';

export interface ServerOptions extends BookPaths {
  /** 0: a free port. */
  readonly port: number;
  readonly timeScale?: number;
  /** Seconds a runner may outlive its examples' limits before it is killed (default 30). */
  readonly marginSeconds?: number;
}

export interface Companion {
  readonly url: string;
  readonly port: number;
  /** The address it listens on: always 127.0.0.1. */
  readonly address: string;
  readonly token: string;
  readonly runs: Runs;
  /** Stops every run (as Ctrl-C), waits for them, and closes the server. */
  close(): Promise<void>;
}

/** Nothing the page loads may come from elsewhere: the browser enforces it. */
const securityHeaders: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; img-src 'self'; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

const sameSecret = (given: string | undefined, token: string): boolean => {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** The Hono app: pages, assets, timelines, and the run API. */
export function companionApp(
  options: ServerOptions,
  state: { port: number; token: string; runs: Runs },
): Hono {
  const app = new Hono();
  const mode = (): PageMode => ({
    kind: 'served',
    token: state.token,
    python: options.python !== undefined,
  });

  // DNS rebinding: a page from another name that resolves to 127.0.0.1 sends its own Host.
  app.use('*', async (c, next) => {
    const host = c.req.header('host');
    const allowed = [`127.0.0.1:${state.port}`, `localhost:${state.port}`];
    if (host === undefined || !allowed.includes(host.toLowerCase())) {
      return c.text(`forbidden host: only ${allowed.join(' or ')}\n`, 403);
    }
    await next();
    for (const [name, value] of Object.entries(securityHeaders)) c.header(name, value);
  });

  app.get('/', async (c) => c.html(await indexPage(options, mode())));
  app.get('/index.html', async (c) => c.html(await indexPage(options, mode())));
  app.get('/assets/:name', async (c) => {
    const name = c.req.param('name');
    if (!(assetNames as readonly string[]).includes(name)) return c.notFound();
    const type = name.endsWith('.css')
      ? 'text/css'
      : name.endsWith('.svg')
        ? 'image/svg+xml'
        : 'text/javascript';
    return c.body(await readAsset(name), 200, { 'content-type': `${type}; charset=utf-8` });
  });
  app.get('/traces/:name', async (c) => {
    const name = c.req.param('name');
    if (!isTimelineName(name)) return c.notFound();
    const file = findTimeline(options, name);
    if (file === undefined) return c.notFound();
    try {
      const svg = await readFile(file);
      return c.body(svg, 200, { 'content-type': 'image/svg+xml' });
    } catch {
      return c.notFound();
    }
  });
  app.get('/:page', async (c) => {
    const chapter = chapterOfPage(c.req.param('page'));
    const html = chapter ? await chapterPage(options, chapter, mode()) : undefined;
    return html === undefined ? c.notFound() : c.html(html);
  });

  /** The body of a run request: the example, by name, and nothing else (no arguments, no paths). */
  const readRequest = async (
    request: Request,
  ): Promise<{ chapter: string; example: string; python: boolean } | string> => {
    let body: unknown;
    try {
      body = await request.json();
    } catch {
      return 'the body must be JSON: {"chapter": "chapter03", "example": "example1"}';
    }
    if (typeof body !== 'object' || body === null) return 'the body must be a JSON object';
    const extra = Object.keys(body).filter(
      (key) => !['chapter', 'example', 'python'].includes(key),
    );
    if (extra.length > 0) {
      return `only a declared example runs, with its declared arguments: no ${extra.join(', ')}`;
    }
    const { chapter, example, python } = body as Record<string, unknown>;
    if (typeof chapter !== 'string' || typeof example !== 'string') {
      return 'chapter and example must be strings';
    }
    return { chapter, example, python: python === true };
  };

  app.post('/api/run', async (c) => {
    if (!sameSecret(c.req.header('x-companion-token'), state.token)) {
      return c.text('a run needs the token the page was served with\n', 403);
    }
    const request = await readRequest(c.req.raw);
    if (typeof request === 'string') return c.text(`${request}\n`, 400);
    const found = await declared(options.root, request.chapter, request.example);
    if (!found) {
      return c.text(`no declared example ${request.chapter}/${request.example}\n`, 404);
    }
    const run = state.runs.start(
      request.chapter,
      request.example,
      found.examples,
      request.python && options.python !== undefined,
    );
    if (run === 'busy') {
      return c.text(
        `${request.chapter}/${request.example} is running already: one run at a time\n`,
        409,
      );
    }
    const encoder = new TextEncoder();
    let unfollow = (): void => {};
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        unfollow = run.follow((event: RunEvent) => {
          controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
          if (event.type === 'end') {
            unfollow();
            controller.close();
          }
        });
      },
      // The page went away: nobody watches this run any more, so it stops.
      cancel() {
        unfollow();
        state.runs.stop(request.chapter, request.example);
      },
    });
    return c.body(stream, 200, {
      'content-type': 'application/x-ndjson; charset=utf-8',
      'x-content-type-options': 'nosniff',
    });
  });

  app.post('/api/stop', async (c) => {
    if (!sameSecret(c.req.header('x-companion-token'), state.token)) {
      return c.text('a stop needs the token the page was served with\n', 403);
    }
    const request = await readRequest(c.req.raw);
    if (typeof request === 'string') return c.text(`${request}\n`, 400);
    return state.runs.stop(request.chapter, request.example)
      ? c.text('stopping\n')
      : c.text('not running\n', 404);
  });
  return app;
}

/** Serves the companion on 127.0.0.1 only; resolves once it listens. */
export async function startCompanion(options: ServerOptions): Promise<Companion> {
  const token = randomBytes(24).toString('base64url');
  const runs = new Runs({
    root: options.root,
    ...(options.python !== undefined ? { python: options.python } : {}),
    ...(options.timeScale !== undefined ? { timeScale: options.timeScale } : {}),
    ...(options.marginSeconds !== undefined ? { marginSeconds: options.marginSeconds } : {}),
    ...(options.live !== undefined ? { live: options.live } : {}),
  });
  const state = { port: options.port, token, runs };
  const app = companionApp(options, state);
  await declarations(options.root);
  const server = createAdaptorServer({ fetch: app.fetch, overrideGlobalObjects: false });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port, address } = server.address() as AddressInfo;
  state.port = port;
  // Highlight in the background so that the first page a reader opens is quick too.
  void loadHighlighter();
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    address,
    token,
    runs,
    async close() {
      await runs.stopAll();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
