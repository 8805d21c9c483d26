import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { makeCouple } from '../helpers/api';
import { startHearthWithOwnDatabase, type HearthWithOwnDatabase } from '../helpers/ownDatabase';
import { eventually, launchBrowser, screenshot } from './browser';
import { DESKTOP, People, PHONE } from './people';
import { SpacePage } from './pages/SpacePage';

// Two partners on the board while the storage behind Hearth stops answering (its database
// process is paused with SIGSTOP, then resumed): the save state must never claim "All
// changes saved" for edits that wait, and must say so plainly within seconds.
let own: HearthWithOwnDatabase;
let browser: Browser;
let people: People;
let paused = false;

beforeAll(async () => {
  own = await startHearthWithOwnDatabase();
  browser = await launchBrowser();
  people = new People(browser, own.baseUrl);
}, 120_000);

afterAll(async () => {
  if (paused) process.kill(own.database.process.pid!, 'SIGCONT');
  await people?.close();
  await browser?.close();
  await own?.stop();
});

describe('save state when storage stops answering', { timeout: 90_000 }, () => {
  it('shows "Not saved — waiting for storage" while acknowledgements are overdue, then "All changes saved"', async (ctx) => {
    try {
      const { a, b, space } = await makeCouple(own.baseUrl);
      const alex = new SpacePage((await people.open('Alex', a, DESKTOP)).page);
      const sam = new SpacePage((await people.open('Sam', b, PHONE)).page);
      for (const p of [alex, sam]) {
        await p.page.goto(`/spaces/${space.id}`);
        await p.waitLive();
        await p.waitSaved();
      }
      await alex.addPromise('Call when the train is late');
      await alex.waitSaved();

      process.kill(own.database.process.pid!, 'SIGSTOP');
      paused = true;
      await alex.addExperience('Picnic by the river');
      await sam.item('Picnic by the river').waitFor();
      await sam.addPromise('Bring the blanket');

      for (const p of [alex, sam]) {
        expect(await p.saveState().textContent()).not.toBe('All changes saved');
        await eventually(
          'the badge to say storage is not answering',
          async () => (await p.saveState().textContent()) === 'Not saved — waiting for storage',
          10_000,
        );
        expect(await p.connectionState().textContent()).toBe('Live');
      }
      await screenshot(alex.page, 'storage-waiting-1280');
      await screenshot(sam.page, 'storage-waiting-375');

      process.kill(own.database.process.pid!, 'SIGCONT');
      paused = false;
      for (const p of [alex, sam])
        await eventually('everything to be saved', async () => (await p.saveState().textContent()) === 'All changes saved', 30_000);

      // What was acknowledged is really stored: a fresh reader sees both partners' edits.
      const reader = new SpacePage((await people.open('Alex again', a, DESKTOP)).page);
      await reader.page.goto(`/spaces/${space.id}`);
      await reader.item('Picnic by the river').waitFor();
      await reader.item('Bring the blanket').waitFor();
      // Storage was stopped on purpose: the app's API calls meanwhile (notifications, activity)
      // are answered 503 database_unavailable by design, which Chromium logs for every such
      // response. Anything else still fails the journey.
      const stopped = /status of 503 \(Service Unavailable\)/;
      people.assertNoErrors(stopped);
    } catch (err) {
      await people.screenshotAll(`failure-${ctx.task.name.slice(0, 30).replace(/\W+/g, '-')}`);
      throw err;
    }
  });
});
