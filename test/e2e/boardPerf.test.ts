import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import type { Browser, Page } from 'playwright-core';
import { createCard, createExperience, type BoardActor } from '@hearth/shared/board';
import { startTestServer, type TestServer } from '../helpers/server';
import { eventually, launchBrowser } from './browser';
import { ensureCollab } from './collabShim';
import { AuthPages } from './pages/AuthPages';
import { SpacePage } from './pages/SpacePage';

// A measurement, not a test: run with HEARTH_E2E_PERF=1 to print how long a 300-item board
// takes to render and how fast a partner's keystroke reaches the other screen. The numbers
// belong in docs/performance.md; nothing here asserts a duration.
const ITEMS = 300;

describe.skipIf(!process.env.HEARTH_E2E_PERF)('board performance (measurement)', { timeout: 180_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let stopCollab: (() => Promise<void>) | null = null;

  beforeAll(async () => {
    server = await startTestServer();
    stopCollab = await ensureCollab(server);
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stopCollab?.();
    await server?.stop();
  });

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

  it('renders 300 items and carries a keystroke to the partner', async () => {
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
      runs.push(await alexPage.evaluate<string>(
        `JSON.stringify({ ...Object.fromEntries(Object.entries(window.__marks).map(([k, v]) => [k, Math.round(v)])), dcl: Math.round(performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd), marks: performance.getEntriesByType('mark').map((m) => m.name + '@' + Math.round(m.startTime)).join(' '), ...Object.fromEntries(performance.getEntriesByType('resource').filter((r) => /api|SpacePage/.test(r.name)).map((r) => [r.name.replace(/^.*\\/(api\\/)?/, ''), Math.round(r.responseEnd)])) })`,
      ));
    }
    console.log(`300 items, milestones (ms since navigation start): ${runs.join(' ')}`);
    expect(await alex.items().count()).toBe(ITEMS);

    // Keystroke propagation: the same machine's clock on both pages.
    const samPage = await partner('Sam');
    const headers = { Origin: server.baseUrl };
    const invite = (await (
      await alexPage.request.post(`${server.baseUrl}/api/spaces/${spaceId}/invites`, { data: { role: 'partner' }, headers })
    ).json()) as { invite: { token: string } };
    await samPage.request.post(`${server.baseUrl}/api/invites/${invite.invite.token}/accept`, { headers });
    await samPage.goto(`/spaces/${spaceId}`);
    await samPage.waitForFunction(`document.querySelectorAll('[data-testid=item]').length >= ${ITEMS}`, null, { timeout: 60_000 });
    const field = '[data-testid=item] input[data-field=title]';
    const delays: number[] = [];
    for (let i = 0; i < 30; i++) {
      const before = await samPage.evaluate<string>(`document.querySelector('${field}').value`);
      const watch = samPage.evaluate<number>(`new Promise((resolve) => {
        const el = document.querySelector('${field}');
        const tick = () => (el.value !== ${JSON.stringify(before)} ? resolve(Date.now()) : requestAnimationFrame(tick));
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
  });
});
