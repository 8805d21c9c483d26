import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server';
import { eventually, launchBrowser, screenshot } from './browser';
import { People, DESKTOP, PHONE, type Person } from './people';
import { expectAccessible, seriousViolations } from './axe';
import { AuthPages } from './pages/AuthPages';
import { SpacePage } from './pages/SpacePage';
import { LoggedOutVisits } from './loggedOut';

// A new couple's first minutes: the landing page, signing up, the guided first run (invite
// link copied and shared, a first appreciation), with axe and both screen sizes on every screen.
const PASSWORD = 'correct horse battery staple';
const run = Date.now().toString(36);

let server: TestServer;
let browser: Browser;
let people: People;
let alex: Person;
let sam: Person;
let inviteUrl = '';
const visits = new LoggedOutVisits();

/** axe, no horizontal scrolling and a screenshot, at 1280 and at 375 px. */
async function checkScreen(page: Page, name: string): Promise<void> {
  for (const viewport of [DESKTOP, PHONE]) {
    await page.setViewportSize(viewport);
    await expectAccessible(page, `${name} at ${viewport.width} px`);
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow, `${name} scrolls sideways at ${viewport.width} px`).toBeLessThanOrEqual(0);
    await screenshot(page, `first-run-${name}-${viewport.width}`);
  }
  await page.setViewportSize(DESKTOP);
}

let failed = false;

describe('a new couple’s first minutes', { timeout: 90_000 }, () => {
  beforeEach((ctx) => {
    if (failed) ctx.skip();
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') {
      failed = true;
      await people.screenshotAll(`failed-first-run-${ctx.task.name.slice(0, 30).replace(/\W+/g, '-')}`);
    }
  });

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    people = new People(browser, server.baseUrl);
    alex = await people.open('Alex');
    visits.track(alex.page);
    // The device's share sheet: recorded, so the test sees what Hearth hands to it.
    await alex.context.addInitScript('navigator.share = async (data) => { window.__shared = data; };');
    await alex.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl });
  }, 120_000);

  afterAll(async () => {
    await people?.close();
    await browser?.close();
    await server?.stop();
  });

  it('axe finds what it should (so a clean result means something)', async () => {
    const probe = await browser.newPage();
    await probe.setContent('<main><button></button><input type="text"></main>');
    expect((await seriousViolations(probe)).map((v) => v.id)).toEqual(expect.arrayContaining(['button-name', 'label']));
    await probe.close();
  });

  it('the landing page says what Hearth is and leads to sign-up', async () => {
    await alex.page.goto('/');
    await alex.page.getByRole('heading', { level: 1, name: /plan, promise and check in/ }).waitFor();
    expect(await alex.page.title()).toBe('Hearth · a shared space for couples');
    for (const words of ['Planning together, even from two cities', 'Live exercises, side by side', 'Working with a counsellor']) {
      expect(await alex.page.getByRole('heading', { name: words }).count()).toBe(1);
    }
    expect(await alex.page.getByText(/only while both of you consent/).count()).toBe(1);
    await checkScreen(alex.page, 'landing');

    await alex.page.goto('/login');
    expect(await alex.page.title()).toBe('Log in · Hearth');
    await alex.page.getByRole('link', { name: 'Create an account' }).waitFor();
    await checkScreen(alex.page, 'login');
    await alex.page.goto('/');
    await alex.page.getByRole('link', { name: 'Create your space' }).first().click();
    await alex.page.waitForURL(/\/signup$/);
    expect(await alex.page.title()).toBe('Sign up · Hearth');
    await checkScreen(alex.page, 'signup');
    await new AuthPages(alex.page).signup('Alex Morgan', `alex-first-${run}@example.com`, PASSWORD);
    expect(await alex.page.title()).toBe('Your spaces · Hearth');
    await checkScreen(alex.page, 'spaces');
  });

  it('creates the space and hands the invitation over by copy and by share sheet', async () => {
    const board = new SpacePage(alex.page);
    await board.createSpace('Alex & Sam');
    const guide = alex.page.getByTestId('first-run');
    await guide.waitFor();
    expect(await alex.page.title()).toBe('Alex & Sam · Hearth');
    // Before the partner joins, the suggestions for them say why they wait.
    const appreciate = guide.getByRole('button', { name: 'Write an appreciation' });
    expect(await appreciate.getAttribute('aria-disabled')).toBe('true');
    expect(await appreciate.getAttribute('title')).toBe('Once your partner has joined.');
    // Empty sections invite the first action in a sentence.
    expect(
      await board
        .section('Promises')
        .getByText(/No promises yet\. Start small and concrete/)
        .count(),
    ).toBe(1);
    await checkScreen(alex.page, 'board-new');

    await guide.getByRole('button', { name: 'Invite partner' }).click();
    const link = guide.getByTestId('invite-url-partner');
    await link.waitFor();
    inviteUrl = await link.inputValue();
    expect(inviteUrl).toMatch(/\/invite\/[A-Za-z0-9_-]+$/);
    // The side panel does not offer a second partner link while the guide shows one.
    expect(await alex.page.getByRole('button', { name: 'Invite partner' }).count()).toBe(0);

    await guide.getByRole('button', { name: 'Copy link' }).click();
    await guide.getByRole('button', { name: 'Copied' }).waitFor();
    expect(await alex.page.evaluate<string>('navigator.clipboard.readText()')).toBe(inviteUrl);
    await guide.getByRole('button', { name: 'Share…' }).click();
    await eventually(
      'the share sheet to receive the link',
      async () => (await alex.page.evaluate<string | null>('window.__shared ? window.__shared.url : null')) === inviteUrl,
    );
    expect(await alex.page.evaluate<string>('window.__shared.text')).toBe('Alex Morgan invited you to “Alex & Sam” on Hearth.');
    await checkScreen(alex.page, 'board-invite');
  });

  it('after a reload the invitation is still waiting, and a new link asks before the old one stops working', async () => {
    // As a stranger holding the link sees it (Alex would be told they are already a member).
    const linkState = async (url: string) => {
      const response = await fetch(`${server.baseUrl}/api/invites/${url.split('/invite/')[1]}`);
      return ((await response.json()) as { invite: { state: string } }).invite.state;
    };
    await alex.page.reload();
    const guide = alex.page.getByTestId('first-run');
    const pending = guide.getByTestId('invite-pending');
    await pending.waitFor();
    // Only a hash of the link is stored: the guide says when it was sent and until when it works.
    expect(await pending.innerText()).toMatch(/A link was sent on .+ — it works until .+\. Hearth keeps only a fingerprint/);
    expect(await alex.page.getByRole('button', { name: 'Invite partner' }).count()).toBe(0);
    await checkScreen(alex.page, 'board-invite-pending');

    // Changing one's mind keeps the link that was sent.
    const replace = guide.getByRole('button', { name: 'Make a new link (the old one stops working)' });
    const dialog = alex.page.getByRole('dialog', { name: 'Make a new link?' });
    await replace.click();
    await dialog.waitFor();
    expect(await dialog.innerText()).toMatch(/stops working at once/);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    await pending.waitFor();
    expect(await linkState(inviteUrl)).toBe('open');

    // Confirming replaces it: the old link is withdrawn, the new one is shown.
    await replace.click();
    await dialog.getByRole('button', { name: 'Make a new link', exact: true }).click();
    const link = guide.getByTestId('invite-url-partner');
    await link.waitFor();
    const newUrl = await link.inputValue();
    expect(newUrl).not.toBe(inviteUrl);
    expect(await linkState(inviteUrl)).toBe('revoked');
    expect(await linkState(newUrl)).toBe('open');
    inviteUrl = newUrl;
  });

  it('the partner joins and the guide moves on to a first appreciation', async () => {
    sam = await people.open('Sam');
    visits.track(sam.page);
    await sam.page.goto(new URL(inviteUrl).pathname);
    await sam.page.getByRole('link', { name: 'Create an account' }).click();
    await new AuthPages(sam.page).signup('Sam Rivera', `sam-first-${run}@example.com`, PASSWORD);
    await sam.page.waitForURL(/\/invite\//);
    await new SpacePage(sam.page).acceptInvite();

    const guide = alex.page.getByTestId('first-run');
    await eventually(
      'Alex’s guide to see Sam join',
      async () => (await guide.getByText('Sam Rivera has joined.', { exact: false }).count()) === 1,
    );
    await guide.getByRole('button', { name: 'Write an appreciation' }).click();
    const form = alex.page.getByRole('form', { name: 'New appreciation' });
    const text = form.getByLabel(/Thank you, Sam Rivera, for…/);
    await eventually('the appreciation form to open with the cursor in it', async () =>
      text.evaluate((el) => el === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement),
    );
    // Limits are visible: a counter near the limit, and a paste that would not fit is refused
    // in words instead of being cut short.
    await alex.page.evaluate(`navigator.clipboard.writeText('${'thanks '.repeat(200)}')`);
    await alex.page.keyboard.press('Control+V');
    await form
      .getByRole('alert')
      .getByText('That text is 1,400 characters; this field holds 1,000. Nothing was pasted — shorten it first.')
      .waitFor();
    expect(await text.inputValue()).toBe('');
    await text.fill('x'.repeat(850));
    expect(await form.getByText('850 / 1,000').count()).toBe(1);
    await text.fill('');
    expect(await form.getByText(/\/ 1,000/).count()).toBe(0);
    await text.focus();
    await alex.page.keyboard.type('finding the cabin for us');
    await form.getByRole('button', { name: 'Send appreciation' }).click();

    // Partner joined and something is on the board: the guide has done its job.
    await eventually('the guide to go away', async () => (await guide.count()) === 0);
    const onSam = new SpacePage(sam.page).item('finding the cabin for us');
    await onSam.waitFor({ timeout: 15_000 });
    expect(await onSam.getByText(/^Alex Morgan · just now/).count()).toBe(1);
    // People's words take their own direction (Arabic or Hebrew read right to left).
    expect(await onSam.getByText('finding the cabin for us', { exact: true }).getAttribute('dir')).toBe('auto');
    await checkScreen(sam.page, 'board-partner');
    visits.assertNoUnexpectedErrors(people);
  });
});
