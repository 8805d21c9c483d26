import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server';
import { ApiClient } from '../helpers/api';
import { eventually, launchBrowser, screenshot } from './browser';
import { People, type Person } from './people';
import { expectAccessible } from './axe';
import { LoggedOutVisits } from './loggedOut';

// Everything by keyboard, no mouse: sign up, create a space, invite, add a promise, edit it
// in place, delete it through the dialog and take it back from the toast.
const run = Date.now().toString(36);

let server: TestServer;
let browser: Browser;
let people: People;
let kim: Person;
const visits = new LoggedOutVisits();

interface Focused {
  tag: string;
  name: string;
}

/** The focused element and its accessible-ish name (label, aria-label or text). */
async function focused(page: Page): Promise<Focused> {
  return page.evaluate<Focused>(`(() => {
    const el = document.activeElement;
    if (!el) return { tag: '', name: '' };
    const label = el.getAttribute('aria-label') || (el.labels && el.labels[0] ? el.labels[0].textContent : '') || el.textContent || '';
    return { tag: el.tagName.toLowerCase(), name: label.replace(/\\s+/g, ' ').trim() };
  })()`);
}

/** Presses Tab until the focused element is `name` (as a screen reader would find it). */
async function tabTo(page: Page, name: string | RegExp, max = 80): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    seen.push(`${now.tag}:${now.name}`);
    if (typeof name === 'string' ? now.name === name : name.test(now.name)) return;
  }
  throw new Error(`Tab never reached “${String(name)}”; focus went through:\n${seen.join('\n')}`);
}

let failed = false;

describe('a keyboard-only journey', { timeout: 90_000 }, () => {
  beforeEach((ctx) => {
    if (failed) ctx.skip();
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') {
      failed = true;
      await people.screenshotAll('failed-keyboard');
    }
  });

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    people = new People(browser, server.baseUrl);
    kim = await people.open('Kim');
    visits.track(kim.page);
  }, 120_000);

  afterAll(async () => {
    await people?.close();
    await browser?.close();
    await server?.stop();
  });

  it('signs up and creates a space with the keyboard alone', async () => {
    const page = kim.page;
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await tabTo(page, 'Create your space');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/signup$/);
    await tabTo(page, 'Your name');
    await page.keyboard.type('Kim Lee');
    await page.keyboard.press('Tab');
    await page.keyboard.type(`kim-${run}@example.com`);
    await page.keyboard.press('Tab');
    await page.keyboard.type('correct horse battery staple');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/');

    await tabTo(page, 'Space name');
    await page.keyboard.type('Kim & Jo');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/spaces\/[a-f0-9]{24}$/);
    await page.getByTestId('first-run').waitFor();
  });

  it('invites the partner and adds a promise from the guide with the keyboard', async () => {
    const page = kim.page;
    await tabTo(page, 'Invite partner');
    await page.keyboard.press('Enter');
    const url = await page.getByTestId('invite-url-partner').inputValue();
    const jo = new ApiClient(server.baseUrl);
    await jo.signup('Jo Park');
    await jo.accept(url.split('/').pop()!);
    await eventually('Kim to see Jo join', async () => (await page.getByText('Jo Park has joined.', { exact: false }).count()) === 1);

    await tabTo(page, 'Make a small promise');
    await page.keyboard.press('Enter');
    // The form opens with the cursor in its first field.
    await eventually('the promise text to have focus', async () => (await focused(page)).name === 'I promise Jo Park to…');
    await page.keyboard.type('Call you every Sunday evening');
    await page.keyboard.press('Enter');
    const card = page.getByRole('article', { name: 'Call you every Sunday evening' });
    await card.waitFor();
    expect(await card.getByText(/^You · just now/).count()).toBe(1);
  });

  it('edits the promise in place, deletes it through the dialog and takes it back', async () => {
    const page = kim.page;
    await tabTo(page, 'Edit promise');
    await page.keyboard.press('Enter');
    await eventually('the promise to turn into its text box', async () => (await focused(page)).tag === 'input');
    await page.keyboard.type(' at eight');
    await page.keyboard.press('Escape');
    const card = page.getByRole('article', { name: 'Call you every Sunday evening at eight' });
    await card.getByRole('button', { name: 'Edit promise' }).waitFor();
    expect(await card.getByRole('textbox').count()).toBe(0);

    await tabTo(page, /^More actions for promise/);
    await page.keyboard.press('Enter');
    await eventually(
      'the menu to open on its first action',
      async () => (await focused(page)).name.length > 0 && (await page.getByRole('menu').count()) === 1,
    );
    await page.keyboard.press('End');
    expect((await focused(page)).name).toBe('Delete…');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Delete this promise?' });
    await dialog.waitFor();
    // A destructive dialog starts on Cancel.
    expect((await focused(page)).name).toBe('Cancel');
    await expectAccessible(page, 'the delete dialog');
    await page.keyboard.press('Tab');
    expect((await focused(page)).name).toBe('Delete');
    await page.keyboard.press('Enter');
    await eventually('the promise to be gone', async () => (await card.count()) === 0);
    // Focus lands on the toast's Undo, so one key brings it back.
    await eventually('Undo to have focus', async () => (await focused(page)).name === 'Undo');
    await screenshot(page, 'keyboard-undo-toast');
    await page.keyboard.press('Enter');
    await card.waitFor();
    visits.assertNoUnexpectedErrors(people);
  });
});
