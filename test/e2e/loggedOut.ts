import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { People } from './people';

const UNAUTHORIZED = /console\.error: Failed to load resource: the server responded with a status of 401 \(Unauthorized\)$/;

/**
 * A visitor who is not logged in asks /api/me and gets 401, which Chromium logs as a console
 * error. Journeys that start logged out track their pages here: those 401s, and only those,
 * are expected; any other 401 or console error still fails the journey.
 */
export class LoggedOutVisits {
  private readonly urls: string[] = [];

  track(page: Page): void {
    page.on('response', (response) => {
      if (response.status() === 401) this.urls.push(response.url());
    });
  }

  assertNoUnexpectedErrors(people: People): void {
    expect(this.urls.filter((url) => new URL(url).pathname !== '/api/me')).toEqual([]);
    people.assertNoErrors(UNAUTHORIZED);
  }
}
