/**
 * Board benchmark (issue 4): how long a 300-item board takes to render in headless Chromium,
 * and how fast a partner's keystroke reaches the other screen. `npm run bench:board`.
 * Starts the real server on the embedded database in a temporary directory; prints results
 * for docs/performance.md. Measures only: nothing here passes or fails on a duration.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import net from 'node:net';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import type { Browser, Page } from 'playwright-core';
import { createCard, createExperience, type BoardActor } from '@hearth/shared/board';
import { createHearth } from '../../server/src/app';
import { openDatabase } from '../../server/src/platform/db/database';
import { loadEnv } from '../../server/src/platform/env';
import { createLogger } from '../../server/src/platform/logger';
import { eventually, launchBrowser } from '../../test/e2e/browser';
import { AuthPages } from '../../test/e2e/pages/AuthPages';
import { SpacePage } from '../../test/e2e/pages/SpacePage';

const ITEMS = 300;
const DIST = path.resolve(import.meta.dirname, '../../client/dist');

/** Gzipped size of the JavaScript the first page load fetches (entry + modulepreloads). */
function initialJsGzipBytes(): number {
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/([^"]+\.js)"/g)].map((m) => m[1]!);
  return files.reduce((sum, f) => sum + gzipSync(readFileSync(path.join(DIST, f))).length, 0);
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

console.log(`initial JS: ${(initialJsGzipBytes() / 1024).toFixed(1)} KiB gzip`);
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hearth-bench-board-'));
const port = await freePort();
const env = loadEnv({
  ...process.env,
  PORT: String(port),
  DATA_DIR: dataDir,
  PUBLIC_ORIGIN: `http://127.0.0.1:${port}`,
  LOG_LEVEL: 'warn',
});
const logger = createLogger(env.logLevel);
const db = await openDatabase({ mongodbUri: env.mongodbUri, dataDir, logger, dbName: 'bench_board' });
const hearth = createHearth({ env, logger });
await hearth.listen(port, '127.0.0.1');
const server = { baseUrl: env.publicOrigin, wsBase: `ws://127.0.0.1:${port}/yjs` };
const browser: Browser = await launchBrowser();

async function partner(name: string): Promise<Page> {
  // String predicates run through eval in the page; the app's CSP forbids that, rightly.
  const context = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1280, height: 900 }, bypassCSP: true });
  const page = await context.newPage();
  await page.goto('/signup');
  await new AuthPages(page).signup(name, `${name.toLowerCase()}-${Date.now()}@example.com`, 'correct horse battery staple');
  return page;
}

/** Writes items straight into the couple document as a Node y-websocket client. */
async function seed(page: Page, spaceId: string, userId: string): Promise<void> {
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  class CookieSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie } });
    }
  }
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(server.wsBase, `couple:${spaceId}`, doc, {
    WebSocketPolyfill: CookieSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  await eventually('the seeding client to sync', async () => provider.synced, 30_000);
  const actor: BoardActor = { userId, partnerIds: [userId] };
  for (let i = 0; i < ITEMS; i++) {
    if (i % 2 === 0) createExperience(doc, actor, { title: `Plan number ${i}`, notes: 'Somewhere warm, with books.' });
    else createCard(doc, actor, { cardType: 'need', statement: `Need number ${i}: time to talk after dinner.` });
  }
  let saved = false;
  provider.messageHandlers[100] = () => {
    saved = true;
  };
  await eventually('the seeded items to be stored', async () => saved, 30_000);
  provider.destroy();
}

async function measure(): Promise<void> {
  const alexPage = await partner('Alex');
  const alex = new SpacePage(alexPage);
  const spaceId = await alex.createSpace('Perf');
  const me = (await (await alexPage.request.get(`${server.baseUrl}/api/me`)).json()) as { user: { id: string } };
  await seed(alexPage, spaceId, me.user.id);

  // Milestones recorded in the page as they happen (ms since navigation start).
  await alexPage.addInitScript(`(() => {
    const marks = (window.__marks = {});
    new MutationObserver(() => {
      const at = performance.now();
      if (!marks.board && document.querySelector('.board')) marks.board = at;
      const n = document.querySelectorAll('[data-testid=item]').length;
      if (!marks.first && n > 0) marks.first = at;
      if (!marks.all && n >= ${ITEMS}) marks.all = at;
    }).observe(document, { childList: true, subtree: true });
  })()`);
  const runs: string[] = [];
  for (let i = 0; i < 3; i++) {
    await alexPage.goto(`/spaces/${spaceId}`);
    await alexPage.waitForFunction(`window.__marks.all > 0`, null, { timeout: 60_000 });
    runs.push(
      await alexPage.evaluate<string>(
        `JSON.stringify({ ...Object.fromEntries(Object.entries(window.__marks).map(([k, v]) => [k, Math.round(v)])), dcl: Math.round(performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd), marks: performance.getEntriesByType('mark').map((m) => m.name + '@' + Math.round(m.startTime)).join(' '), ...Object.fromEntries(performance.getEntriesByType('resource').filter((r) => /api|SpacePage/.test(r.name)).map((r) => [r.name.replace(/^.*\\/(api\\/)?/, ''), Math.round(r.responseEnd)])) })`,
      ),
    );
  }
  console.log(`300 items, milestones (ms since navigation start): ${runs.join(' ')}`);
  if ((await alex.items().count()) !== ITEMS) throw new Error('not every item rendered');

  // Keystroke propagation: the same machine's clock on both pages.
  const samPage = await partner('Sam');
  const headers = { Origin: server.baseUrl };
  const invite = (await (
    await alexPage.request.post(`${server.baseUrl}/api/spaces/${spaceId}/invites`, { data: { role: 'partner' }, headers })
  ).json()) as { invite: { token: string } };
  await samPage.request.post(`${server.baseUrl}/api/invites/${invite.invite.token}/accept`, { headers });
  await samPage.goto(`/spaces/${spaceId}`);
  await samPage.waitForFunction(`document.querySelectorAll('[data-testid=item]').length >= ${ITEMS}`, null, { timeout: 60_000 });
  // Alex types into the first card's title (text edits in place: a click opens the live field);
  // Sam watches the same title shown as text.
  const field = '[data-testid=item] input[data-field=title]';
  const shown = '[data-testid=item] [data-inline=Title] .inline-value';
  await alexPage.click('[data-testid=item] [data-inline=Title] .inline-text');
  await alexPage.waitForSelector(field);
  const delays: number[] = [];
  for (let i = 0; i < 30; i++) {
    const before = await samPage.evaluate<string>(`document.querySelector('${shown}').textContent`);
    const watch = samPage.evaluate<number>(`new Promise((resolve) => {
      const tick = () => (document.querySelector('${shown}').textContent !== ${JSON.stringify(before)} ? resolve(Date.now()) : requestAnimationFrame(tick));
      tick();
    })`);
    await alexPage.focus(field);
    const sent = await alexPage.evaluate<number>('Date.now()');
    await alexPage.keyboard.press('End');
    await alexPage.keyboard.type('x');
    delays.push((await watch) - sent);
  }
  delays.sort((a, b) => a - b);
  const p = (q: number) => delays[Math.min(delays.length - 1, Math.floor(q * delays.length))];
  console.log(`partner edit → other screen (ms): p50 ${p(0.5)}, p95 ${p(0.95)}, max ${delays[delays.length - 1]}`);
}

try {
  await measure();
} finally {
  await browser.close();
  await hearth.close();
  await db.close();
}
