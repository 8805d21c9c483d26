import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { makeCouple } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/server';
import { launchBrowser } from './browser';
import { DESKTOP, People } from './people';
import { SpacePage } from './pages/SpacePage';

/** What a browser journey runs against; filled in by `browserJourney`'s `beforeAll`. */
export class JourneySetUp {
  server!: TestServer;
  browser!: Browser;
  people!: People;

  /**
   * A new couple, Alex and Sam, each on a page of their own (`viewport`, desktop by default)
   * with their space's board open and live.
   */
  async coupleOnBoard(viewport: { width: number; height: number } = DESKTOP) {
    const { a, b, space } = await makeCouple(this.server.baseUrl);
    const alexPerson = await this.people.open('Alex', a, viewport);
    const samPerson = await this.people.open('Sam', b, viewport);
    const alex = new SpacePage(alexPerson.page);
    const sam = new SpacePage(samPerson.page);
    for (const partner of [alex, sam]) await partner.page.goto(`/spaces/${space.id}`);
    await alex.waitLive();
    await sam.waitLive();
    return { a, b, space, alex, sam, alexPerson, samPerson };
  }
}

/**
 * The usual frame of a browser journey file: a test server on port 0, Chromium and `People`
 * before the tests, a screenshot of every open page (named `failureLabel`) when a test fails,
 * everything closed after.
 */
export function browserJourney(failureLabel: string): JourneySetUp {
  const journey = new JourneySetUp();
  beforeAll(async () => {
    journey.server = await startTestServer();
    journey.browser = await launchBrowser();
    journey.people = new People(journey.browser, journey.server.baseUrl);
  }, 120_000);
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await journey.people.screenshotAll(failureLabel);
  });
  afterAll(async () => {
    await journey.people?.close();
    await journey.browser?.close();
    await journey.server?.stop();
  });
  return journey;
}
