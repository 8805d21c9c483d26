import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { launchBrowser } from './browser';
import { People } from './people';

/** What a browser journey runs against; filled in by `browserJourney`'s `beforeAll`. */
export class JourneySetUp {
  server!: TestServer;
  browser!: Browser;
  people!: People;
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
