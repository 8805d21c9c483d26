import type { Browser, Page } from 'playwright-core';
import { acceptPromise, addCheckin, createExperience, createPromise, markPromise } from '@hearth/shared/board';
import { docNameOf } from '@hearth/shared/realtime';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { makeCouple, makeCoupleWithCounsellor } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/server';
import { expectAccessible } from './axe';
import { eventually, launchBrowser, screenshot } from './browser';
import { DESKTOP, PHONE, People } from './people';

// The notification centre, the reminder settings and "What's new", in Chromium (build the
// client first): two partners, each in a context of their own, on the real server. The
// reminder clock is injected so a pass runs when the journey says, not on a timer.
let server: TestServer;
let browser: Browser;
let people: People;
const now = Date.now();

beforeAll(async () => {
  server = await startTestServer({ reminders: { clock: () => now, intervalMs: 0 } });
  browser = await launchBrowser();
  people = new People(browser, server.baseUrl);
}, 120_000);
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await people.screenshotAll('reminders-failed');
});
afterAll(async () => {
  await people?.close();
  await browser?.close();
  await server?.stop();
});

async function shootBoth(page: Page, name: string): Promise<void> {
  for (const [label, viewport] of [
    ['1280', DESKTOP],
    ['375', PHONE],
  ] as const) {
    await page.setViewportSize(viewport);
    const scrolls = await page.evaluate('document.documentElement.scrollWidth > window.innerWidth');
    expect(scrolls, `${name} scrolls sideways at ${label} px`).toBe(false);
    await screenshot(page, `reminders-${name}-${label}`);
  }
  await page.setViewportSize(DESKTOP);
}

it('a reminder reaches the header live, opens from the centre, settings say why; the partner sees what was done', async () => {
  const c = await makeCouple(server.baseUrl);
  const [a, b] = [c.a.user!.id, c.b.user!.id];
  const couple = docNameOf({ kind: 'couple', spaceId: c.space.id });
  const today = new Date(now).toISOString().slice(0, 10);
  await c.a.request('PUT', '/api/me/reminder-settings', {
    kinds: { promiseDue: true, confirmPeriod: true, weeklyReview: false, dailyCheckin: false, waitingOnMe: true },
    quietHours: null,
    timeZone: 'UTC',
    weeklyCap: 7,
    checkinTime: '20:00',
    browserNotifications: false,
  });
  // A server-side change goes through the same durable, broadcast path as a partner's edit.
  let promiseId = '';
  await server.hearth.collab.withDoc(couple, (doc) => {
    promiseId = createPromise(
      doc,
      { userId: a, partnerIds: [a, b] },
      { text: 'Phone away at dinner', promiseeId: b, cadence: { type: 'once', dueDate: today } },
    );
    acceptPromise(doc, { userId: b, partnerIds: [a, b] }, { itemId: promiseId });
    addCheckin(doc, { userId: b, partnerIds: [a, b] }, { date: today, mood: 4, feelings: ['hopeful'], need: 'a slow evening' });
  });
  // Today's version of the board, with the promise accepted and not yet marked.
  await eventually('a version of the board', async () => (await server.hearth.sweepVersions(new Date(Date.now() + 1000))).taken >= 1);

  const alex = await people.open('Alex', c.a);
  const sam = await people.open('Sam', c.b);
  await alex.page.goto(`/spaces/${c.space.id}`);
  await sam.page.goto(`/spaces/${c.space.id}`);
  const bell = alex.page.getByTestId('notification-bell');
  await bell.waitFor();
  await expect(bell.getAttribute('aria-label')).resolves.toBe('Notifications');

  // The reminder pass runs; Alex's open tab shows it without a reload.
  await eventually(
    'the pass delivered after the promise was stored',
    async () => (await server.hearth.reminders.tick()) === 1 || (await c.a.get('/api/notifications')).body.unread === 1,
  );
  await eventually(
    'the live unread count',
    async () =>
      (await alex.page
        .getByTestId('notification-count')
        .textContent()
        .catch(() => null)) === '1',
  );
  await bell.click();
  const panel = alex.page.getByRole('region', { name: 'Notifications' });
  await panel.getByText('Your promise “Phone away at dinner” is due today. How did it go?').waitFor();
  await shootBoth(alex.page, 'centre');
  await expectAccessible(alex.page, 'the notification centre');
  await panel.getByRole('button', { name: /Phone away at dinner/ }).click();
  await eventually('the count cleared', async () => (await alex.page.getByTestId('notification-count').count()) === 0);
  expect((await c.a.get('/api/notifications')).body.unread).toBe(0);

  // Sam: "What's new" lists Alex's activity; Alex marking the promise arrives live.
  const activity = sam.page.getByTestId('activity-panel');
  await activity.getByText('Alex promised you “Phone away at dinner”').waitFor();
  const before = Number(
    await activity
      .getByTestId('activity-unread')
      .textContent()
      .then((t) => t?.replace(/\D/g, '')),
  );
  await server.hearth.collab.withDoc(couple, (doc) => {
    markPromise(doc, { userId: a, partnerIds: [a, b] }, { itemId: promiseId, outcome: 'kept' });
  });
  await activity.getByText('Alex marked “Phone away at dinner” kept — confirm?').waitFor();
  await activity.getByText('To confirm').waitFor();
  await eventually(
    'one more unread',
    async () => Number((await activity.getByTestId('activity-unread').textContent())?.replace(/\D/g, '')) === before + 1,
  );
  // The header says so too.
  await eventually(
    'the header count',
    async () => (await sam.page.getByTestId('header-activity').textContent())?.includes(String(before + 1)) ?? false,
  );
  await shootBoth(sam.page, 'activity');
  await expectAccessible(sam.page, "the space page with What's new");
  await activity.getByRole('button', { name: 'Mark all read' }).click();
  await eventually('unread cleared', async () => (await activity.getByTestId('activity-unread').count()) === 0);
  await eventually('the header count cleared', async () => (await sam.page.getByTestId('header-activity').count()) === 0);

  // Alex opens History on the board, sees the promise as it was and restores it; Sam sees it live.
  await alex.page.getByRole('button', { name: 'History', exact: true }).click();
  const history = alex.page.getByRole('dialog', { name: 'History' });
  const row = history.getByRole('listitem').filter({ hasText: 'Phone away at dinner' });
  await row.waitFor();
  // A check-in has no title: the list names it by its day and mood, not just "Check-in".
  const checkin = history.getByRole('listitem').filter({ hasText: /^Check-in/ });
  expect(await checkin.locator('.history-title').textContent()).toMatch(new RegExp(`${today.slice(0, 4)} · Good$`));
  await shootBoth(alex.page, 'history');
  await expectAccessible(alex.page, 'the history dialog');
  await row.getByRole('button', { name: /Restore/ }).click();
  await alex.page.getByText(/Restored “Phone away at dinner” from/).waitFor();
  await activity.getByText(/^Alex restored “Phone away at dinner” from/).waitFor();
  await sam.page.getByRole('button', { name: 'Confirm kept' }).waitFor({ state: 'detached' });

  // Alex's reminder settings: why, and a change that sticks.
  await alex.page.goto('/account');
  const reminders = alex.page.getByRole('region', { name: 'Reminders' });
  await reminders.getByText("Hearth nudges, it doesn't nag.", { exact: false }).waitFor();
  await reminders.getByLabel('Daily check-in').check();
  await reminders.getByText('Saved.').waitFor();
  expect((await c.a.get('/api/me/reminder-settings')).body.settings.kinds.dailyCheckin).toBe(true);
  await reminders.scrollIntoViewIfNeeded();
  await shootBoth(alex.page, 'settings');
  await expectAccessible(alex.page, 'the reminder settings');
  people.assertNoErrors();
}, 120_000);

it('the access log says in words who restored which board to when', async () => {
  const c = await makeCoupleWithCounsellor(server.baseUrl);
  const [a, b] = [c.a.user!.id, c.b.user!.id];
  const couple = docNameOf({ kind: 'couple', spaceId: c.space.id });
  let trip = '';
  await server.hearth.collab.withDoc(couple, (doc) => {
    trip = createExperience(doc, { userId: a, partnerIds: [a, b] }, { title: 'Weekend in Lisbon' });
  });
  await eventually('a version of the board', async () => (await server.hearth.sweepVersions(new Date(Date.now() + 1000))).taken >= 1);
  const [version] = (await c.a.get(`/api/spaces/${c.space.id}/versions?visibility=couple`)).body.versions;
  expect((await c.a.post(`/api/spaces/${c.space.id}/versions/${version.id}/restore`, { itemIds: [trip] })).status).toBe(200);

  const sam = await people.open('Sam', c.b);
  await sam.page.goto(`/spaces/${c.space.id}`);
  const log = sam.page.getByTestId('audit-log');
  const line = log.getByText(/^Alex restored 1 item of the “Us” board as it was on .+ · /);
  await line.waitFor();
  await expect(log.textContent()).resolves.not.toContain('couple:');
  await line.scrollIntoViewIfNeeded();
  await shootBoth(sam.page, 'access-log-restore');
  await expectAccessible(sam.page, 'the access log with a restore');
  people.assertNoErrors();
}, 120_000);
