import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { docNameOf } from '@hearth/shared/realtime';
import { ApiClient, makeCouple, uniqueEmail } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/server';
import { actor, addCard } from '../integration/privacy-fixtures/boardDocs';
import { eventually, launchBrowser, screenshot } from './browser';
import { DESKTOP, PHONE, People } from './people';

// Safety journeys in Chromium on the real server (npm run build -w client first): the account
// safety centre, the encrypted device copy and when it is wiped, leaving safely, quick exit.
const NEUTRAL = 'https://neutral.example/weather';
const ANDROID = 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36';
const PASSWORD = 'correct horse battery';

let server: TestServer;
let browser: Browser;
let people: People;

beforeAll(async () => {
  server = await startTestServer({ env: { QUICK_EXIT_URL: NEUTRAL } });
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await people.screenshotAll(`safety-failed-${ctx.task.name.slice(0, 20).replace(/\W+/g, '-')}`);
  await people.close();
});

function newPeople(): People {
  people = new People(browser, server.baseUrl);
  return people;
}

/** The device copy's record keys and whether any record holds `text` in the clear. */
async function deviceCopies(page: Page, text: string): Promise<{ keys: string[]; plain: boolean }> {
  // Runs in the page (the test package has no DOM types, so the script is plain text).
  return page.evaluate(`(async (needle) => {
    const dbs = await indexedDB.databases();
    if (!dbs.some((d) => d.name === 'hearth-copies')) return { keys: [], plain: false };
    const db = await new Promise((resolve, reject) => {
      const req = indexedDB.open('hearth-copies');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const [keys, values] = await new Promise((resolve) => {
      const store = db.transaction('docs').objectStore('docs');
      const k = store.getAllKeys();
      const v = store.getAll();
      v.onsuccess = () => resolve([k.result, v.result]);
    });
    db.close();
    const plain = values.some((r) => new TextDecoder('latin1').decode(r.data).includes(needle));
    return { keys: keys.map(String), plain };
  })(${JSON.stringify(text)})`);
}

/**
 * Whether a board card on the page shows `text`: cards show their words as text, and as a live
 * field only while someone edits them in place.
 */
function showsField(page: Page, text: string): Promise<boolean> {
  const needle = JSON.stringify(text);
  return page.evaluate(`[...document.querySelectorAll('[data-testid="item"]')].some((card) =>
    card.textContent.includes(${needle}) || [...card.querySelectorAll('textarea, input')].some((e) => e.value.includes(${needle})))`);
}

async function login(page: Page, email: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

describe('the account safety centre', { timeout: 90_000 }, () => {
  it('shows a new sign-in to the owner, signs that device out, changes the password and hides the tab', async () => {
    newPeople();
    const email = uniqueEmail('alex');
    const alexApi = new ApiClient(server.baseUrl);
    await alexApi.signup('Alex', email, PASSWORD);
    const laptop = await people.open('laptop', alexApi);
    await laptop.page.goto('/');
    await laptop.page.getByRole('heading', { name: 'Your spaces' }).waitFor();

    // Someone signs in on a phone: the laptop is told, the other account is not.
    const phone = new ApiClient(server.baseUrl);
    expect((await phone.request('POST', '/api/auth/login', { email, password: PASSWORD }, { 'user-agent': ANDROID })).status).toBe(200);
    await laptop.page.reload();
    const notice = laptop.page.getByTestId('sign-in-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Chrome on Android');
    await notice.getByRole('link', { name: 'Check your devices' }).click();
    await laptop.page.waitForURL('**/account');
    await laptop.page.getByTestId('sessions').getByText('Chrome on Android', { exact: true }).first().waitFor();
    await screenshot(laptop.page, 'safety-account-1280');
    await laptop.page.setViewportSize(PHONE);
    await screenshot(laptop.page, 'safety-account-375');
    await laptop.page.setViewportSize(DESKTOP);

    await laptop.page.getByRole('button', { name: 'Sign out Chrome on Android' }).click();
    await laptop.page.getByText('Chrome on Android was signed out.').waitFor();
    expect((await phone.get('/api/me')).status).toBe(401);
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await eventually('notice dismissed', async () => (await notice.count()) === 0);

    // The password: every other session ends, this one stays.
    const other = new ApiClient(server.baseUrl);
    await other.request('POST', '/api/auth/login', { email, password: PASSWORD });
    await laptop.page.getByLabel('Current password').fill(PASSWORD);
    await laptop.page.getByLabel('New password').fill('a much longer passphrase');
    await laptop.page.getByRole('button', { name: 'Change password' }).click();
    await laptop.page.getByText('Password changed. Other devices were signed out.').waitFor();
    expect((await other.get('/api/me')).status).toBe(401);

    await laptop.page.getByLabel('Neutral tab title').check();
    await eventually('neutral title', async () => (await laptop.page.title()) === 'Notes');
    await laptop.page.getByLabel('Neutral tab title').uncheck();
    await eventually('Hearth title back', async () => (await laptop.page.title()).includes('Hearth'));
    people.assertNoErrors();
  });
});

describe('the idle sign-out', { timeout: 60_000 }, () => {
  it('signs this device out after the chosen time without activity', async () => {
    newPeople();
    const alexApi = new ApiClient(server.baseUrl);
    await alexApi.signup('Alex', uniqueEmail('idle'), PASSWORD);
    const alex = await people.open('alex', alexApi);
    // A fake clock in the page, so five minutes pass at once.
    await alex.page.clock.install();
    await alex.page.goto('/account');
    await alex.page.getByLabel('Sign out when I am away').selectOption('5');
    await eventually('saved', async () => (await alexApi.get('/api/me/settings')).body.settings.idleLockMinutes === 5);
    await alex.page.clock.fastForward('04:00');
    expect(alex.page.url()).toContain('/account');
    await alex.page.clock.fastForward('01:30');
    await alex.page.waitForURL('**/login');
    expect((await alexApi.get('/api/me')).status).toBe(401);
    people.assertNoErrors(/status of 401/);
  });
});

describe('the device copy', { timeout: 90_000 }, () => {
  it('is encrypted, holds no "only me" board, and is wiped on logout and when the session is ended elsewhere', async () => {
    newPeople();
    const { a, b, space } = await makeCouple(server.baseUrl);
    const words = `private-words-${Date.now().toString(36)}`;
    const ids = [a.user!.id, b.user!.id];
    await addCard(docNameOf({ kind: 'couple', spaceId: space.id }), actor(a.user!.id, ids), `${words} on us`);
    await addCard(docNameOf({ kind: 'private', spaceId: space.id, userId: a.user!.id }), actor(a.user!.id, ids), `${words} only me`);
    const email = a.user!.email;

    const alex = await people.open('alex');
    await login(alex.page, email);
    await alex.page.goto(`/spaces/${space.id}`);
    await alex.page.getByLabel('Keep a copy on this device').check();
    await alex.page.reload();
    await eventually('the board shown', () => showsField(alex.page, `${words} on us`));
    await eventually('copies written', async () => (await deviceCopies(alex.page, words)).keys.length === 2);
    const stored = await deviceCopies(alex.page, words);
    expect(stored.keys.sort()).toEqual([`${a.user!.id}|couple:${space.id}`, `${a.user!.id}|space:${space.id}`]);
    expect(stored.plain).toBe(false);

    // Logging out wipes it.
    await alex.page.getByRole('button', { name: 'Log out' }).click();
    await alex.page.waitForURL('**/login');
    await eventually('wiped at logout', async () => (await deviceCopies(alex.page, words)).keys.length === 0);

    // A session ended from another device: the next time this tab asks, the copy goes.
    await login(alex.page, email);
    await alex.page.goto(`/spaces/${space.id}`);
    await alex.page.getByLabel('Keep a copy on this device').check();
    await eventually('copies written again', async () => (await deviceCopies(alex.page, words)).keys.length === 2);
    const elsewhere = new ApiClient(server.baseUrl);
    await elsewhere.request('POST', '/api/auth/login', { email, password: PASSWORD });
    expect((await elsewhere.delete('/api/me/sessions')).body.ended).toBeGreaterThanOrEqual(1);
    await alex.page.reload();
    await alex.page.waitForURL('**/login**');
    await eventually('wiped when the session ended', async () => (await deviceCopies(alex.page, words)).keys.length === 0);
    // Chromium logs every 401 answer itself; here they are the ended session being noticed.
    people.assertNoErrors(/status of 401/);
  });
});

describe('leaving safely', { timeout: 90_000 }, () => {
  it('exports first, says what the partner will notice, leaves, and the partner sees only the membership change', async () => {
    newPeople();
    const { a, b, space } = await makeCouple(server.baseUrl);
    const ids = [a.user!.id, b.user!.id];
    const mine = `alex-card-${Date.now().toString(36)}`;
    await addCard(docNameOf({ kind: 'couple', spaceId: space.id }), actor(a.user!.id, ids), mine);
    const alex = await people.open('alex', a);
    const sam = await people.open('sam', b);
    await sam.page.goto(`/spaces/${space.id}`);
    await eventually('Sam sees the card', () => showsField(sam.page, mine));

    await alex.page.goto(`/spaces/${space.id}`);
    await alex.page.getByLabel('Keep a copy on this device').check();
    await eventually('Alex has a copy', async () => (await deviceCopies(alex.page, mine)).keys.length > 0);
    await alex.page.getByRole('link', { name: 'Leave this space safely…' }).click();
    await alex.page.waitForURL('**/leave');
    const leaveButton = alex.page.getByRole('button', { name: `Leave ${space.name} now` });
    expect(await leaveButton.isDisabled()).toBe(true);
    const download = alex.page.waitForEvent('download');
    await alex.page.getByRole('link', { name: 'Download my data (JSON)' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.json$/);
    await alex.page.getByLabel(/Delete it/).check();
    expect(await alex.page.getByTestId('partner-notices').textContent()).toContain('disappear from their board');
    await screenshot(alex.page, 'safety-leave-1280');
    await alex.page.setViewportSize(PHONE);
    await screenshot(alex.page, 'safety-leave-375');
    await alex.page.setViewportSize(DESKTOP);

    await leaveButton.click();
    await alex.page.getByRole('heading', { name: `You have left ${space.name}` }).waitFor();
    expect((await deviceCopies(alex.page, mine)).keys).toEqual([]);
    // Sam: Alex's card goes, Alex is no longer a member — no other message.
    await eventually('card gone for Sam', async () => !(await showsField(sam.page, mine)));
    await eventually(
      'Alex gone from members',
      async () => (await sam.page.getByRole('complementary').getByText('Alex', { exact: true }).count()) === 0,
    );

    // Sam, now the only partner, keeps a copy and then deletes the space: the copy goes too.
    await sam.page.getByLabel('Keep a copy on this device').check();
    await eventually('Sam has a copy', async () => (await deviceCopies(sam.page, mine)).keys.length === 2);
    await sam.page.getByRole('button', { name: 'Delete this space…' }).click();
    await sam.page.getByTestId('delete-space-dialog').getByRole('button', { name: 'Delete this space' }).click();
    await sam.page.waitForURL((url) => url.pathname === '/');
    await eventually('Sam’s copy wiped with the space', async () => (await deviceCopies(sam.page, mine)).keys.length === 0);
    people.assertNoErrors();
  });
});

describe('quick exit', { timeout: 90_000 }, () => {
  it('replaces the page with a neutral site and going back does not show Hearth (button and Esc twice)', async () => {
    newPeople();
    const { a } = await makeCouple(server.baseUrl);
    const alex = await people.open('alex', a);
    await alex.context.route(`${NEUTRAL}**`, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Weather</title><h1>Weather today</h1>' }),
    );
    await alex.page.goto('/');
    // A few pages inside Hearth first, so its history has several entries.
    await alex.page.getByRole('link', { name: /Account and safety/ }).click();
    await alex.page.waitForURL('**/account');
    await alex.page.getByRole('link', { name: 'What your partner and counsellor can see' }).click();
    await alex.page.waitForURL('**/safety');
    await alex.page.getByTestId('helplines').waitFor();
    expect(await alex.page.getByTestId('visibility-table').textContent()).toContain('Us + counsellor');
    await screenshot(alex.page, 'safety-page-1280');
    await alex.page.setViewportSize(PHONE);
    await screenshot(alex.page, 'safety-page-375');
    await alex.page.setViewportSize(DESKTOP);

    await alex.page.getByRole('button', { name: 'Quick exit' }).click();
    await alex.page.waitForURL(NEUTRAL);
    await alex.page.getByRole('heading', { name: 'Weather today' }).waitFor();
    await alex.page.goBack().catch(() => null);
    expect(alex.page.url()).not.toContain(server.baseUrl);
    expect(await alex.page.getByText('Hearth').count()).toBe(0);

    // Esc twice, from a fresh tab on a space list.
    const tab = await alex.context.newPage();
    people.watch('alex-tab', tab);
    await tab.goto('/');
    await tab.getByRole('heading', { name: 'Your spaces' }).waitFor();
    await tab.getByRole('link', { name: /Account and safety/ }).click();
    await tab.waitForURL('**/account');
    await tab.keyboard.press('Escape');
    await tab.keyboard.press('Escape');
    await tab.waitForURL(NEUTRAL);
    await tab.goBack().catch(() => null);
    expect(tab.url()).not.toContain(server.baseUrl);
    people.assertNoErrors();
  });
});
