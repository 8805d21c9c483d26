import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCoupleWithCounsellor, type ApiClient } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/server';
import { eventually, launchBrowser, screenshot } from './browser';

// The counsellor is asked to join an exercise the couple starts, then a partner withdraws
// consent in the app and the counsellor's view closes.
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
});
