import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCoupleWithCounsellor, type ApiClient } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/server';
import { eventually, launchBrowser, screenshot } from './browser';

// A together check-in in two browser contexts with the counsellor watching from a third,
// then a partner withdraws consent in the app and the counsellor's view closes.
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

async function answer(page: Page, mood: string, feeling: string, need: string) {
  const form = page.getByRole('form', { name: 'Your check-in' });
  await form.getByLabel(mood).check();
  await form.getByRole('button', { name: feeling, exact: true }).click();
  await form.getByLabel('One thing that would help you today').fill(need);
  await form.getByRole('button', { name: 'Share' }).click();
}

describe('live exercises in the browser', { timeout: 120_000 }, () => {
  it('runs a together check-in revealed to both at once, watched by the counsellor, until consent ends', async () => {
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
    await sam.getByRole('form', { name: 'Your check-in' }).waitFor();
    await panel(robin).getByText(/Waiting for/).waitFor();
    // An observing counsellor has no answer form and no controls.
    expect(await robin.getByRole('form', { name: 'Your check-in' }).count()).toBe(0);
    expect(await robin.getByRole('button', { name: 'Pause' }).count()).toBe(0);

    await answer(alex, '4 · Good', 'hopeful', 'A slow breakfast together');
    await panel(alex).getByText('Waiting for: Sam').waitFor();
    await screenshot(alex, '21-checkin-waiting');
    // Nobody sees Alex's answer before Sam has shared.
    expect(await sam.getByText('A slow breakfast together').count()).toBe(0);
    expect(await robin.getByText('A slow breakfast together').count()).toBe(0);

    await answer(sam, '2 · Low', 'tired', 'An early night');
    for (const page of [alex, sam, robin]) {
      await eventually('both answers on every screen', async () =>
        (await panel(page).getByText('A slow breakfast together').count()) > 0 && (await panel(page).getByText('An early night').count()) > 0);
    }
    await screenshot(sam, '22-checkin-revealed');
    // Saved as check-ins on the "us" board.
    await alex.getByRole('region', { name: 'Check-ins', exact: true }).getByText('An early night').waitFor();
    await panel(alex).getByRole('button', { name: 'Finish check-in' }).click();
    await panel(sam).getByRole('button', { name: 'Start together check-in' }).waitFor();

    // Alex withdraws consent in the app; Robin's live view closes.
    alex.once('dialog', (dialog) => void dialog.accept());
    await alex.getByRole('button', { name: 'Withdraw consent' }).click();
    await eventually('Robin’s view to close', async () =>
      (await robin.getByText(/access to this board has ended|no longer shared with you|Your access to .* ended/).count()) > 0);
    await screenshot(robin, '23-counsellor-after-withdrawal');
    const audit = (await a.get(`/api/spaces/${space.id}/audit`)).body.entries as Array<{ action: string }>;
    expect(audit.map((e) => e.action)).toContain('exercise.observed');
  });
});
