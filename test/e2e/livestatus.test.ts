import { createHash } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Invite } from '../../server/src/spaces/invite.model';
import { ApiClient, makeCouple } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/server';
import { eventually, launchBrowser, screenshot } from './browser';
import { ConsentPanel } from './pages/ConsentPanel';
import { InvitePage } from './pages/InvitePage';
import { LiveStatus } from './pages/LiveStatus';
import { SpacePage } from './pages/SpacePage';
import { showSection } from './pages/SpaceSections';
import { DESKTOP, PHONE, People, type Person } from './people';

// Live status in the browser (npm run build -w client first): two partners and a counsellor,
// each in a context of their own, some at 1280 px and some at 375 px, on the real server.
let server: TestServer;
let browser: Browser;
let people: People;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});
beforeEach(() => {
  people = new People(browser, server.baseUrl);
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await people.screenshotAll(`livestatus-failed-${ctx.task.name.slice(0, 24).replace(/\W+/g, '-')}`);
  await people.close();
});

async function person(name: string): Promise<ApiClient> {
  const api = new ApiClient(server.baseUrl);
  await api.signup(name);
  return api;
}

/** Screenshots of one screen at 1280 and 375 px (for review in test-artifacts/). */
async function shootBoth(who: Person, name: string): Promise<void> {
  const size = who.page.viewportSize() ?? DESKTOP;
  for (const [label, viewport] of [
    ['1280', DESKTOP],
    ['375', PHONE],
  ] as const) {
    await who.page.setViewportSize(viewport);
    if (label === '375') await new LiveStatus(who.page).assertNoHorizontalScroll(name);
    await screenshot(who.page, `livestatus-${name}-${label}`);
  }
  await who.page.setViewportSize(size);
}

/** A change pushed by the server reaches another screen well within this (no polling). */
const LIVE_MS = 2_500;

/** Milliseconds from `since` until `check` holds, polling every 25 ms (a measurement, not a sleep). */
async function msUntil(since: number, what: string, check: () => Promise<boolean>): Promise<number> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return Date.now() - since;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for: ${what}`);
}

describe('live status in the browser', { timeout: 120_000 }, () => {
  it('consent by both opens the counsellor’s board without reload; a withdrawal reaches every screen', async () => {
    const { a, b, space } = await makeCouple(server.baseUrl);
    const c = await person('Dr Rivera');
    await c.accept((await a.invite(space.id, 'counsellor')).token);
    const alex = await people.open('Alex', a);
    const sam = await people.open('Sam', b, PHONE);
    const robin = await people.open('Robin', c);
    // The counsellor's home lists the couple once, on the dashboard, with no couple onboarding.
    await robin.page.goto('/');
    const dashboard = robin.page.getByRole('region', { name: 'Couples you accompany' });
    await dashboard.getByText('Alex & Sam', { exact: true }).waitFor();
    expect(await robin.page.getByRole('main').getByText('Alex & Sam', { exact: true }).count()).toBe(1);
    expect(await dashboard.innerText()).toContain('access pending until both partners consent');
    expect(await robin.page.getByRole('heading', { name: 'Create a space' }).count()).toBe(0);
    await shootBoth(robin, 'counsellor-home');
    for (const p of [alex, sam, robin]) await p.page.goto(`/spaces/${space.id}`);

    const notice = robin.page.getByTestId('access-notice');
    await notice.waitFor();
    expect(await notice.innerText()).toContain('Access pending');
    const alexConsent = new ConsentPanel(alex.page);
    const samConsent = new ConsentPanel(sam.page);
    await samConsent.show();
    await alexConsent.row('Dr Rivera').getByRole('button', { name: 'I consent' }).waitFor();
    // Nothing to withdraw before consenting.
    expect(await alexConsent.withdrawButton('Dr Rivera').count()).toBe(0);
    for (const p of [alex, sam, robin]) await new LiveStatus(p.page).markLoaded();
    await shootBoth(robin, 'counsellor-pending');

    await alexConsent.consent('Dr Rivera');
    await samConsent.row('Dr Rivera').filter({ hasText: 'Your partner consented; waiting for you' }).waitFor();
    await new LiveStatus(sam.page).waitNotice('Alex consented to Dr Rivera seeing “us + counsellor” items.');
    await alexConsent.withdrawButton('Dr Rivera').waitFor();
    await new LiveStatus(sam.page).assertNoHorizontalScroll('partner space page with consent panel');
    await shootBoth(sam, 'partner-consent-live');
    // The counsellor is never told which partner has (not) consented.
    expect(await robin.page.getByText(/Alex consented|waiting for (Alex|Sam)|Your partner/).count()).toBe(0);
    expect(await notice.innerText()).toContain('Access pending');

    const consentedAt = Date.now();
    await samConsent.consent('Dr Rivera');
    const board = new SpacePage(robin.page);
    const toBoard = await msUntil(consentedAt, 'the counsellor’s board', async () => (await board.section('Promises').count()) > 0);
    await new LiveStatus(robin.page).waitNotice('Both partners consented');
    await board.waitLive();
    await shootBoth(robin, 'counsellor-board-opened');
    // The visit reaches the other partner's access log as it starts, without a Refresh.
    const alexLog = alex.page.getByTestId('audit-log');
    const openVisit = alexLog.getByText(/^Dr Rivera viewed the shared board · .+ \(still open\)$/);
    const toLogOpen = await msUntil(consentedAt, 'Alex’s log to show the open visit', async () => (await openVisit.count()) === 1);

    const withdrawnAt = Date.now();
    await samConsent.withdraw('Dr Rivera');
    const robinStatus = new LiveStatus(robin.page);
    const [toRobin, toAlex] = await Promise.all([
      msUntil(withdrawnAt, 'the counsellor told', async () =>
        (await robinStatus.unavailable().innerText()).includes('Your access to Alex & Sam ended: Sam withdrew consent.'),
      ),
      msUntil(withdrawnAt, 'Alex told', async () => (await alexConsent.row('Dr Rivera').innerText()).includes('Consent withdrawn')),
    ]);
    await new LiveStatus(alex.page).waitNotice('Sam withdrew consent for Dr Rivera.');
    // Alex's access log shows the visit as ended, pushed by the server: no reload, no Refresh.
    const endedVisit = alexLog.getByText(/^Dr Rivera viewed the shared board · .+ \((under 1 min|\d+ min)\)$/);
    const toLogEnded = await msUntil(withdrawnAt, 'Alex’s log to show the visit ended', async () => (await endedVisit.count()) === 1);
    expect(await alexLog.getByText('(still open)').count()).toBe(0);
    expect(toLogEnded, 'the ended visit reaches Alex’s log as fast as the counsellor is told').toBeLessThan(LIVE_MS);
    expect(await board.section('Promises').count()).toBe(0);
    for (const p of [alex, sam, robin]) expect(await new LiveStatus(p.page).notReloaded(), `${p.name} reloaded`).toBe(true);
    console.info(
      `consent → counsellor board ${toBoard} ms, → Alex's log ${toLogOpen} ms; withdrawal → counsellor ${toRobin} ms, → Alex ${toAlex} ms, → Alex's log ${toLogEnded} ms`,
    );
    await shootBoth(robin, 'counsellor-access-ended');
    await shootBoth(alex, 'partner-after-withdrawal');

    // The couple leaves the counsellor's switcher and dashboard at once.
    await eventually('switcher without the couple', async () => !(await robinStatus.switcherSpaces()).includes('Alex & Sam'));
    await robin.page.getByRole('link', { name: 'Back to your spaces' }).click();
    await robin.page.getByRole('heading', { level: 1 }).waitFor();
    expect(await robin.page.getByRole('main').getByText('Alex & Sam').count()).toBe(0);
    // Still a counsellor's home, not a couple's first steps: now, and after a reload.
    for (const when of ['live', 'reloaded']) {
      if (when === 'reloaded') await robin.page.reload();
      await robin.page.getByRole('heading', { level: 1, name: 'Hello, Dr Rivera' }).waitFor();
      await robin.page.getByText('No couple shares their space with you right now.').waitFor();
      expect(
        await robin.page
          .getByRole('main')
          .getByText(/the two of you|invite your partner/)
          .count(),
        when,
      ).toBe(0);
      expect(await robin.page.getByText('In a couple yourself? Start a space of your own').count(), when).toBe(1);
    }
    await shootBoth(robin, 'counsellor-home-after-access-ended');
    people.assertNoErrors();
  });

  it('every invite state shows its message before any click, and a used link leaves the inviter’s screen', async () => {
    const a = await person('Alex');
    const space = await a.createSpace('Alex & Sam');
    const alex = await people.open('Alex', a);
    await alex.page.goto(`/spaces/${space.id}`);
    // The side panel's invitation (the first-run guide offers its own until put away).
    await alex.page.getByRole('button', { name: 'Hide this guide' }).click();
    const alexPage = new SpacePage(alex.page);
    const first = await alexPage.inviteUrl('partner');

    // After a reload the open link is still known, and a new one replaces it.
    await alex.page.reload();
    await alex.page.getByTestId('invite-open-elsewhere').waitFor();
    await alex.page.getByTestId('invite-panel').scrollIntoViewIfNeeded();
    await shootBoth(alex, 'invite-panel-after-reload');
    await alex.page.getByRole('button', { name: 'Make a new link (the old one stops working)' }).click();
    await alex.page.getByRole('dialog', { name: 'Make a new link?' }).getByRole('button', { name: 'Make a new link', exact: true }).click();
    const second = await alex.page.getByTestId('invite-url-partner').inputValue();
    expect(second).not.toBe(first);
    await new LiveStatus(alex.page).markLoaded();

    const casey = await people.open('Casey', await person('Casey'), PHONE);
    const page = new InvitePage(casey.page);
    const check = async (url: string, state: string, title: string | RegExp, explanation: RegExp) => {
      await page.open(url);
      expect(await page.state()).toBe(state);
      const shown = await page.title();
      if (typeof title === 'string') expect(shown).toBe(title);
      else expect(shown).toMatch(title);
      expect(await page.explanation()).toMatch(explanation);
      expect(await page.acceptButton().count(), `${state}: Accept offered`).toBe(state === 'open' ? 1 : 0);
      await new LiveStatus(casey.page).assertNoHorizontalScroll(`invite page (${state})`);
    };

    await check(first, 'revoked', 'This invitation was withdrawn', /newer link that replaces it/);
    await shootBoth(casey, 'invite-revoked');
    await check(second, 'open', 'Alex invited you to “Alex & Sam”', /join as their partner/);
    await shootBoth(casey, 'invite-partner-open');
    const counsellorLink = (await a.invite(space.id, 'counsellor')).url;
    await check(
      counsellorLink,
      'open',
      'Alex invited you to “Alex & Sam”',
      /only the items the couple marks “us \+ counsellor”, read only, and only after both partners consent/,
    );
    await shootBoth(casey, 'invite-counsellor-open');
    const expired = await a.invite(space.id, 'counsellor');
    await Invite.updateOne(
      { tokenHash: createHash('sha256').update(expired.token).digest('hex') },
      { $set: { expiresAt: new Date(Date.now() - 1000) } },
    );
    await check(expired.url, 'expired', 'This invitation has expired', /Ask the person who invited you for a new one/);
    await check(
      `${server.baseUrl}/invite/not-a-real-invitation-token-0000`,
      'not_found',
      'This invitation link is not valid',
      /copied the whole link/,
    );
    await shootBoth(casey, 'invite-not-found');

    // Sam accepts the live link; it disappears from Alex's screen without reload.
    const sam = await people.open('Sam', await person('Sam'));
    const samInvite = new InvitePage(sam.page);
    await samInvite.open(second);
    await samInvite.acceptButton().click();
    await sam.page.waitForURL(new RegExp(`/spaces/${space.id}$`));
    await new LiveStatus(alex.page).waitNotice('Sam joined this space.');
    await alex.page.getByTestId('invite-block-partner').waitFor({ state: 'detached' });
    expect(await new LiveStatus(alex.page).notReloaded()).toBe(true);
    await shootBoth(alex, 'inviter-after-join');

    await check(second, 'used', 'This invitation has already been used', /Each link works once/);
    // A partner link made before the space filled up (here: through the API) says so.
    const late = await a.invite(space.id, 'partner');
    await check(late.url, 'full', '“Alex & Sam” already has two partners', /ask them for a counsellor link/);
    await shootBoth(casey, 'invite-full');
    people.assertNoErrors();
  });

  it('deleting a space with both confirmations is seen live on the other partner’s screen', async () => {
    const { a, b, space } = await makeCouple(server.baseUrl);
    const alex = await people.open('Alex', a, PHONE);
    const sam = await people.open('Sam', b);
    for (const p of [alex, sam]) await p.page.goto(`/spaces/${space.id}`);
    const alexStatus = new LiveStatus(alex.page);
    await eventually('both in the switcher', async () => (await alexStatus.switcherSpaces()).includes('Alex & Sam'));
    await alexStatus.markLoaded();

    await showSection(alex.page, 'People');
    await alex.page.getByRole('button', { name: 'Delete this space…' }).click();
    const alexDialog = alex.page.getByTestId('delete-space-dialog');
    await alexDialog.getByRole('button', { name: 'Delete this space', exact: true }).click();
    await alexDialog.getByText('Waiting for your partner to confirm').waitFor();
    await alexStatus.assertNoHorizontalScroll('delete dialog');
    await alexDialog.getByRole('button', { name: 'Close' }).click();

    await new LiveStatus(sam.page).waitNotice('Alex asked to delete this space. It is deleted once you confirm too.');
    await sam.page.getByTestId('deletion-requested').waitFor();
    await shootBoth(sam, 'deletion-requested');
    await sam.page.getByRole('button', { name: 'Delete this space…' }).click();
    const confirmedAt = Date.now();
    // Alex is watched from the click on, while Sam's request (erasure included) is still running.
    const alexTold = msUntil(confirmedAt, 'Alex told', async () =>
      (await alexStatus.unavailable().innerText()).includes('This space was deleted by both partners.'),
    );
    await sam.page.getByTestId('delete-space-dialog').getByRole('button', { name: 'Confirm: delete this space' }).click();
    const toAlex = await alexTold;
    await sam.page.waitForURL((url) => url.pathname === '/');
    console.info(`deletion → other partner ${toAlex} ms`);
    expect(await alexStatus.notReloaded()).toBe(true);
    await eventually('gone from the switcher', async () => !(await alexStatus.switcherSpaces()).includes('Alex & Sam'));
    await alexStatus.assertNoHorizontalScroll('deleted space');
    await shootBoth(alex, 'space-deleted');
    expect(await new LiveStatus(sam.page).switcherSpaces()).not.toContain('Alex & Sam');
    people.assertNoErrors();
  });
});
