import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server';
import { launchBrowser, screenshot } from './browser';
import { DESKTOP, People, PHONE } from './people';
import { AuthPages } from './pages/AuthPages';

// Signing up with a common password is refused with a clear reason; a good one works.
let server: TestServer;
let browser: Browser;
let people: People;
const run = Date.now().toString(36);

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  people = new People(browser, server.baseUrl);
}, 120_000);

afterAll(async () => {
  await people?.close();
  await browser?.close();
  await server?.stop();
});

describe('sign-up password strength', { timeout: 60_000 }, () => {
  it('refuses "password12" with a reason, then accepts a strong password', async (ctx) => {
    try {
      for (const [name, viewport] of [
        ['Alex', DESKTOP],
        ['Sam', PHONE],
      ] as const) {
        const { page } = await people.open(name, undefined, viewport);
        await page.goto('/signup');
        const auth = new AuthPages(page);
        await auth.submitSignup(name, `${name.toLowerCase()}-${run}@example.com`, 'password12');
        const error = await auth.errorText();
        expect(error).toMatch(/^Please choose a password that is harder to guess\. This is a commonly used password\./);
        expect(page.url()).toContain('/signup');
        await screenshot(page, `signup-weak-password-${viewport.width}`);
        await auth.signup(name, `${name.toLowerCase()}-${run}@example.com`, 'lantern orchard twelve');
        expect(new URL(page.url()).pathname).not.toContain('/signup');
      }
      // The only errors the browser reported: the refused attempts (one 400 each) and the
      // logged-out page's own "who am I" check (401), which Chromium logs as failed loads.
      const refused = /Failed to load resource: the server responded with a status of 400/;
      const loggedOut = /Failed to load resource: the server responded with a status of 401/;
      expect(people.errors.filter((e) => refused.test(e))).toHaveLength(2);
      people.errors.splice(0, people.errors.length, ...people.errors.filter((e) => !refused.test(e) && !loggedOut.test(e)));
      people.assertNoErrors();
    } catch (err) {
      await people.screenshotAll(`failure-${ctx.task.name.slice(0, 30).replace(/\W+/g, '-')}`);
      throw err;
    }
  });
});
