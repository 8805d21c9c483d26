import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ApiClient } from '../helpers/api';
import { screenshot } from './browser';

export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 375, height: 740 } as const;

export interface Person {
  name: string;
  page: Page;
  context: BrowserContext;
}

/**
 * The people of one browser journey: each gets a context of their own (logged in with the
 * cookie the API handed out, or not at all), and every page error or console error in any of
 * them is recorded so the journey fails on it (`assertNoErrors`).
 */
export class People {
  readonly errors: string[] = [];
  private readonly people: Person[] = [];

  constructor(
    private readonly browser: Browser,
    private readonly baseUrl: string,
  ) {}

  /** A new browser context for `name`, logged in as `api`'s user when given. */
  async open(name: string, api?: ApiClient, viewport: { width: number; height: number } = DESKTOP): Promise<Person> {
    const context = await this.browser.newContext({ baseURL: this.baseUrl, viewport });
    if (api?.cookie) {
      const [cookieName, value] = api.cookie.split('=');
      await context.addCookies([{ name: cookieName!, value: value!, url: this.baseUrl, httpOnly: true, sameSite: 'Lax' }]);
    }
    const page = await context.newPage();
    this.watch(name, page);
    const person = { name, page, context };
    this.people.push(person);
    return person;
  }

  /** Records page errors and console errors of `page` (also for pages a test opens itself). */
  watch(name: string, page: Page): void {
    page.on('pageerror', (error) => this.errors.push(`${name}: pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') this.errors.push(`${name}: console.error: ${message.text()}`);
    });
  }

  /** Drops the errors matching `expected`: ones a journey provoked on purpose (a refused request, going offline). */
  forgetErrors(expected: RegExp): void {
    this.errors.splice(0, this.errors.length, ...this.errors.filter((e) => !expected.test(e)));
  }

  /** Throws when any page of this journey reported an error (other than `expected` ones, which are forgotten). */
  assertNoErrors(expected?: RegExp): void {
    if (expected) this.forgetErrors(expected);
    if (this.errors.length > 0) throw new Error(`browser errors:\n${this.errors.join('\n')}`);
  }

  /** Screenshots of every context, named `<prefix>-<person>` (for failures and for review). */
  async screenshotAll(prefix: string): Promise<void> {
    for (const person of this.people) {
      await screenshot(person.page, `${prefix}-${person.name.toLowerCase()}`).catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    for (const person of this.people) await person.context.close().catch(() => undefined);
    this.people.length = 0;
  }
}
