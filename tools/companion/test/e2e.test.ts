import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReportRow } from '@mc/runner';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runnerTraces } from '../src/runs.js';
import { type Companion, startCompanion } from '../src/server.js';
import { writeSite } from '../src/site.js';
import { liveState, root } from './helpers.js';

// The companion in a real browser: Debian's chromium (`apt-get install chromium`, as .ci/run
// does), driven by playwright-core, with a fresh profile. Screenshots of the index and of
// Chapter 3 go to test/artifacts/ (git-ignored), to be looked at.
const executablePath = '/usr/bin/chromium';

const artifacts = join(import.meta.dirname, 'artifacts');

// The functions given to evaluate() run in the browser. The repository's one typecheck has no DOM
// library (it would let Node code use browser globals), so the little they touch is declared here,
// for this module only.
declare const document: { activeElement: { textContent: string | null } | null };

let companion: Companion;
let context: BrowserContext;
let page: Page;
let profile: string;
const requests: string[] = [];
const consoleErrors: string[] = [];

beforeAll(async () => {
  if (!existsSync(executablePath)) {
    throw new Error(`${executablePath} is missing: apt-get install -y chromium (see .ci/run)`);
  }
  mkdirSync(artifacts, { recursive: true });
  // At the book's timings: the countdown takes 2.5 s, long enough to watch its lines arrive one
  // by one before the verdict; the deadlock's limit is its declared 6 s.
  companion = await startCompanion({ root, live: liveState, port: 0 });
  profile = mkdtempSync(join(tmpdir(), 'companion-profile-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1400, height: 900 },
  });
  context.on('request', (request) => requests.push(request.url()));
  page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
});

afterAll(async () => {
  await context?.close();
  await companion?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

describe('the companion in a browser', () => {
  it('lists the 19 chapters on its index', async () => {
    await page.goto(companion.url);
    const chapters = page.getByRole('list', { name: 'Chapters' }).getByRole('listitem');
    expect(await chapters.count()).toBe(19);
    expect(await chapters.first().textContent()).toContain('Concurrent and Parallel Programming');
    await page.screenshot({ path: join(artifacts, 'index.png'), fullPage: true });
  });

  it('runs Chapter 3 example1: its lines stream in, then ✓, then its timeline', async () => {
    await page.goto(companion.url);
    await page.getByRole('link', { name: /Working with Threads in Python/ }).click();
    await expect.poll(() => page.title()).toContain('Chapter 3');
    await page.getByRole('button', { name: 'Run example1', exact: true }).click();
    const log = page.getByRole('log', { name: 'Output of example1' });
    const result = page.locator('#run-chapter03-example1 .result');
    await log.getByText('Thread A counting down: 5...').waitFor({ timeout: 30_000 });
    // Streamed: the first lines are on the page while the run still goes on.
    expect(await result.textContent()).toContain('Running example1');
    expect(await log.textContent()).not.toContain('Finished.');
    await result.getByText('✓ exits').waitFor({ timeout: 60_000 });
    expect(await log.textContent()).toContain('Thread B counting down: 1...');
    expect(await log.textContent()).toContain('Finished.');
    if (runnerTraces(root)) {
      const timeline = page.getByRole('img', { name: 'Timeline of example1' });
      await timeline.waitFor();
      await expect
        .poll(() =>
          timeline.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
        )
        .toBeGreaterThan(0);
    }
    await page.locator('#example1').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, 'chapter03.png') });
  });

  it('ends a deadlock (Chapter 12 example3) as the runner judges it, its cycle in the output', async () => {
    await page.goto(`${companion.url}chapter12.html`);
    await page.getByRole('button', { name: 'Run example3', exact: true }).click();
    const result = page.locator('#run-chapter12-example3 .result');
    await result.getByText(/^[✓✗]/).waitFor({ timeout: 60_000 });
    // The page says what the runner's report of this run says (the philosophers may deadlock
    // before any of them eats, and the runner then fails the run: its verdict, not ours).
    const [row] = JSON.parse(
      readFileSync(join(liveState, 'chapter12-example3.json'), 'utf8'),
    ) as ReportRow[];
    expect(row?.outcome).toMatch(/^blocks/);
    expect(await result.textContent()).toContain(`${row?.ok ? '✓' : '✗'} ${row?.outcome}`);
    const log = await page.getByRole('log', { name: 'Output of example3' }).textContent();
    expect(log).toMatch(/Deadlock: .*holds forks\[\d\] and waits for forks\[\d\]/);
  });

  it('works with the keyboard alone', async () => {
    await page.goto(`${companion.url}index.html`);
    // Tab to the Chapter 3 link and follow it with Enter.
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const text = await page.evaluate(() => document.activeElement?.textContent ?? '');
      if (text.includes('Working with Threads in Python')) break;
    }
    await page.keyboard.press('Enter');
    await expect.poll(() => page.title()).toContain('Chapter 3');
    // Tab on to "Run example3" (past links and the scrollable code), press Enter.
    let reached = false;
    for (let i = 0; i < 80 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.textContent === 'Run example3');
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await page
      .locator('#run-chapter03-example3 .result')
      .getByText('✓ exits')
      .waitFor({ timeout: 60_000 });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Run example3');
  });

  it('opens the static site from disk, readable without the server', async () => {
    const out = mkdtempSync(join(tmpdir(), 'companion-site-'));
    try {
      await writeSite({ root }, out);
      const file = await context.newPage();
      file.on('pageerror', (error) => consoleErrors.push(error.message));
      await file.goto(`file://${join(out, 'index.html')}`);
      await file.getByRole('link', { name: /Working with Threads in Python/ }).click();
      await expect.poll(() => file.title()).toContain('Chapter 3');
      expect(await file.locator('#example1 pre.shiki').textContent()).toContain('MyThread');
      expect(await file.getByRole('button', { name: 'Run example1' }).count()).toBe(0);
      await file.close();
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('sent no request beyond 127.0.0.1 and logged no console error', () => {
    const elsewhere = requests.filter(
      (url) => !url.startsWith(companion.url) && !url.startsWith('file://'),
    );
    expect(requests.length).toBeGreaterThan(5);
    expect(elsewhere).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
