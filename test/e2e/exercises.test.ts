import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCoupleWithCounsellor, type ApiClient } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/server';
import { eventually, launchBrowser, screenshot } from './browser';
import { showSection } from './pages/SpaceSections';
import { DESKTOP, PHONE, People } from './people';

// The counsellor is asked to join an exercise the couple starts, then a partner withdraws
// consent in the app and the counsellor's view closes. What the counsellor looked at reaches
// the partners' access log in words about the right notes, once per look.
let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

/** A browser context logged in as `api`'s user (the session cookie the API handed out). */
async function pageFor(api: ApiClient): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  const [name, value] = api.cookie.split('=');
  await context.addCookies([{ name: name!, value: value!, url: server.baseUrl, httpOnly: true, sameSite: 'Lax' }]);
  return context.newPage();
}

function panel(page: Page) {
  return page.getByRole('region', { name: /Do something together|Together check-in/ });
}

describe('live exercises in the browser', { timeout: 120_000 }, () => {
  it('shows the counsellor a started exercise, until consent ends', async () => {
    const { a, b, c, space } = await makeCoupleWithCounsellor(server.baseUrl);
    const [alex, sam, robin] = [await pageFor(a), await pageFor(b), await pageFor(c)];

    // The counsellor's dashboard lists the couple; opening it shows the live board as observer.
    await robin.goto('/spaces');
    const dashboard = robin.getByRole('region', { name: 'Couples you accompany' });
    await dashboard.getByRole('link', { name: space.name }).waitFor();
    await screenshot(robin, '20-counsellor-dashboard');
    await dashboard.getByRole('link', { name: space.name }).click();
    await robin.waitForURL(new RegExp(`/spaces/${space.id}$`));
    await panel(robin).getByText('No exercise is running').waitFor();

    await alex.goto(`/spaces/${space.id}`);
    await sam.goto(`/spaces/${space.id}`);
    await panel(alex).getByRole('button', { name: 'Start together check-in' }).click();
    // The counsellor is asked to join (the check-in itself is driven in exerciseJourneys.test.ts).
    await robin.getByRole('region', { name: 'Exercise invitation' }).getByText('Alex started a together check-in').waitFor();
    const focused = alex.getByRole('dialog');
    await focused.getByRole('button', { name: 'End exercise early' }).click();
    await focused.getByRole('button', { name: 'Yes, end it for both' }).click();
    await focused.getByRole('button', { name: 'Back to board' }).first().click();
    await panel(sam).getByRole('button', { name: 'Start together check-in' }).waitFor();

    // Alex withdraws consent in the app; Robin's live view closes.
    alex.once('dialog', (dialog) => void dialog.accept());
    await alex.getByRole('button', { name: 'Withdraw consent' }).click();
    await eventually(
      'Robin’s view to close',
      async () => (await robin.getByText(/access to this board has ended|no longer shared with you|Your access to .* ended/).count()) > 0,
    );
    await screenshot(robin, '23-counsellor-after-withdrawal');
    const audit = (await a.get(`/api/spaces/${space.id}/audit`)).body.entries as Array<{ action: string }>;
    expect(audit.map((e) => e.action)).toContain('exercise.observed');
  });

  it('logs the counsellor’s visit in the partners’ words: their own notes, and past exercises once', async () => {
    const { a, b, c, space } = await makeCoupleWithCounsellor(server.baseUrl);
    // Page errors and console errors of any of them fail the test.
    const people = new People(browser, server.baseUrl);
    const [alex, sam, robin] = [
      (await people.open('Alex', a, DESKTOP)).page,
      (await people.open('Sam', b, PHONE)).page,
      (await people.open('Robin', c, DESKTOP)).page,
    ];
    // Every answer to an exercise-history request that reaches Robin's page.
    let historyAnswers = 0;
    robin.on('websocket', (ws) =>
      ws.on('framereceived', (frame) => {
        if (/^43\d*\[\{"ok":true,"sessions":/.test(String(frame.payload))) historyAnswers += 1;
      }),
    );

    // Robin opens the couple's journey (it reads past exercises for its figures), then opens
    // the "Past exercises" list beside it: two requests, one visit.
    await robin.goto(`/spaces/${space.id}/journey`);
    await robin.getByTestId('journey').waitFor({ timeout: 20_000 });
    await eventually('the journey’s history request', async () => historyAnswers === 1);
    await robin.getByText('Past exercises', { exact: true }).click();
    await eventually('the list’s history request', async () => historyAnswers === 2);

    const audit = (await a.get(`/api/spaces/${space.id}/audit`)).body.entries as Array<{ action: string }>;
    expect(audit.filter((e) => e.action === 'exercise.history')).toHaveLength(1);

    for (const page of [alex, sam]) {
      await page.goto(`/spaces/${space.id}`);
      await showSection(page, 'People');
      const log = page.getByTestId('audit-log');
      await eventually(
        'the log to show the visit',
        async () =>
          (await log.getByText(/^Dr Rivera opened their own counsellor notes · .+ \(still open\)$/).count()) === 1 &&
          (await log.getByText(/^Dr Rivera viewed the shared board · /).count()) === 1,
        20_000,
      );
      expect(await log.getByText(/^Dr Rivera looked at past exercises · /).count()).toBe(1);
      expect(await log.getByText(/private notes/).count()).toBe(0);
      await log.scrollIntoViewIfNeeded();
    }
    await screenshot(alex, 'access-log-words-1280');
    await screenshot(sam, 'access-log-words-375');
    people.assertNoErrors();
    await people.close();
  });
});
