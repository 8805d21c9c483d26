import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { makeCoupleWithCounsellor, type ApiClient } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/server';
import { ARTIFACTS, eventually, launchBrowser, screenshot } from './browser';
import { expectAccessible } from './axe';
import { DESKTOP, PHONE, People, type Person } from './people';
import { seedJourney } from './journeySeed';
import { LoggedOutVisits } from './loggedOut';
import { ExercisePages, type ExerciseTitle } from './pages/ExercisePages';
import { JourneyPage } from './pages/JourneyPage';
import { showSection } from './pages/SpaceSections';

// Every screen not covered by the other journeys, at 1280 and 375 px: axe-core (no serious or
// critical violations), nothing scrolling sideways, and a screenshot in test-artifacts/ to
// review. Also the phone layout itself: a one-row header and the bottom navigation.
// Real server and embedded database, built client (npm run build -w client first).
let server: TestServer;
let browser: Browser;
let people: People;
let spaceId: string;
let alex: Person;
let robin: Person;
let visitor: Person;
const visits = new LoggedOutVisits();
let couple: Awaited<ReturnType<typeof makeCoupleWithCounsellor>>;

/** axe, no sideways scrolling and a screenshot, at 1280 and 375 px; back to `end` after. */
async function checkScreen(page: Page, name: string, end: { width: number; height: number } = DESKTOP): Promise<void> {
  for (const viewport of [DESKTOP, PHONE]) {
    await page.setViewportSize(viewport);
    await expectAccessible(page, `${name} at ${viewport.width} px`);
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow, `${name} scrolls sideways at ${viewport.width} px`).toBeLessThanOrEqual(0);
    await screenshot(page, `a11y-${name}-${viewport.width}`);
    // What a phone shows before any scrolling, for review.
    if (viewport === PHONE) await page.screenshot({ path: `${ARTIFACTS}/a11y-${name}-375-fold.png` });
  }
  await page.setViewportSize(end);
}

/** Heights of the visible, interactive elements inside `selector` that are under 44 px tall. */
function smallTargets(page: Page, selector: string): Promise<string[]> {
  return page.evaluate<string[], string>((sel) => {
    const doc = (
      globalThis as unknown as {
        document: {
          querySelectorAll(
            s: string,
          ): ArrayLike<{ getBoundingClientRect(): { width: number; height: number }; textContent: string | null }>;
        };
      }
    ).document;
    return Array.from(doc.querySelectorAll(`${sel} a, ${sel} button, ${sel} select`))
      .filter((el) => el.getBoundingClientRect().width > 0)
      .filter((el) => el.getBoundingClientRect().height < 44)
      .map((el) => `${(el.textContent ?? '').trim()}: ${el.getBoundingClientRect().height}px`);
  }, selector);
}

let failed = false;

describe('every screen is accessible and fits a phone', { timeout: 120_000 }, () => {
  beforeEach((ctx) => {
    if (failed) ctx.skip();
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') {
      failed = true;
      await people.screenshotAll(`failed-a11y-${ctx.task.name.slice(0, 30).replace(/\W+/g, '-')}`);
    }
  });

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    people = new People(browser, server.baseUrl);
    couple = await makeCoupleWithCounsellor(server.baseUrl);
    spaceId = couple.space.id;
    await seedJourney(spaceId, couple.a.user!.id, couple.b.user!.id);
    alex = await people.open('Alex', couple.a as ApiClient);
    robin = await people.open('Robin', couple.c as ApiClient);
    visitor = await people.open('Visitor');
    visits.track(visitor.page);
  }, 120_000);

  afterAll(async () => {
    await people?.close();
    await browser?.close();
    await server?.stop();
  });

  it('on a phone the header is one short row; the switcher, account and log-out open from Menu', async () => {
    await alex.page.setViewportSize(PHONE);
    await alex.page.goto(`/spaces/${spaceId}`);
    await alex.page.getByRole('navigation', { name: 'Space sections' }).waitFor({ timeout: 20_000 });
    const header = alex.page.locator('header.app-header');
    expect((await header.boundingBox())!.height).toBeLessThanOrEqual(64);
    // Quick exit and the bell are never behind the menu.
    await header.getByRole('button', { name: 'Quick exit' }).waitFor();
    await header.getByRole('button', { name: /Notifications/ }).waitFor();
    expect(await header.getByLabel('Switch space').isVisible()).toBe(false);
    const menu = header.getByRole('button', { name: 'Menu' });
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await header.getByLabel('Switch space').waitFor();
    await header.getByRole('link', { name: /Account and safety/ }).waitFor();
    await header.getByRole('button', { name: 'Log out' }).waitFor();
    expect(await smallTargets(alex.page, 'header.app-header')).toEqual([]);
    await alex.page.screenshot({ path: `${ARTIFACTS}/a11y-header-menu-375-fold.png` });
    await expectAccessible(alex.page, 'the open header menu at 375 px');
    await alex.page.keyboard.press('Escape');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await header.getByLabel('Switch space').isVisible()).toBe(false);
  });

  it('the bottom navigation shows one part of the space at a time, full width', async () => {
    const page = alex.page;
    const nav = page.getByRole('navigation', { name: 'Space sections' });
    expect(await smallTargets(page, '.bottom-nav')).toEqual([]);
    const board = page.locator('.space-main');
    const people = page.getByRole('heading', { name: 'People', level: 2 });
    const together = new ExercisePages(page).card();
    const fullWidth = async (what: ReturnType<Page['locator']>) => {
      const box = (await what.boundingBox())!;
      return box.width >= PHONE.width - 2 * 16;
    };

    expect(await board.isVisible()).toBe(true);
    expect(await together.isVisible()).toBe(false);
    expect(await people.isVisible()).toBe(false);
    expect(await nav.getByRole('link', { name: 'Board' }).getAttribute('aria-current')).toBe('page');
    await checkScreen(page, 'space-board-tab', PHONE);

    await showSection(page, 'Together');
    await together.waitFor();
    expect(await board.isVisible()).toBe(false);
    expect(await people.isVisible()).toBe(false);
    expect(await fullWidth(together)).toBe(true);
    await checkScreen(page, 'space-together-tab', PHONE);

    await showSection(page, 'People');
    await people.waitFor();
    expect(await together.isVisible()).toBe(false);
    await page.getByRole('region', { name: 'Counsellor access' }).or(page.getByTestId('consent-panel')).first().waitFor();
    await checkScreen(page, 'space-people-tab', PHONE);

    await showSection(page, 'Journey');
    await new JourneyPage(page).root().waitFor({ timeout: 20_000 });
    expect(page.url()).toMatch(/\/journey$/);
    expect(await people.isVisible()).toBe(false);
    await checkScreen(page, 'space-journey', PHONE);

    await showSection(page, 'Board');
    await board.waitFor();
    expect(page.url()).not.toMatch(/\/journey$/);
    // Wider than a phone, everything is side by side again and the bottom navigation is gone.
    await page.setViewportSize(DESKTOP);
    expect(await nav.isVisible()).toBe(false);
    expect(await people.isVisible()).toBe(true);
    expect(await together.isVisible()).toBe(true);
  });

  for (const title of ['Together check-in', 'Speaker and listener', 'Question deck', 'Promise review'] as ExerciseTitle[]) {
    it(`the focused view of ${title.toLowerCase()}`, async () => {
      const ex = new ExercisePages(alex.page);
      await alex.page.setViewportSize(DESKTOP);
      await ex.start(title);
      await checkScreen(alex.page, `exercise-${title.toLowerCase().replace(/\W+/g, '-')}`);
      await ex.endEarly();
      await ex.backToBoard();
      await ex
        .card()
        .getByRole('button', { name: `Start ${title.toLowerCase()}` })
        .waitFor();
    });
  }

  it('account, safety and leave-safely pages', async () => {
    for (const [path, heading, name] of [
      ['/account', 'Account and safety', 'account'],
      ['/safety', 'What your partner and counsellor can see', 'safety'],
      [`/spaces/${spaceId}/leave`, /Leave .* safely/, 'leave-safely'],
    ] as const) {
      await alex.page.goto(path);
      await alex.page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await checkScreen(alex.page, name);
    }
  });

  it('the counsellor’s dashboard, observed board and journey', async () => {
    await robin.page.goto('/');
    await robin.page.getByRole('region', { name: 'Couples you accompany' }).getByText('Alex & Sam', { exact: true }).waitFor();
    await checkScreen(robin.page, 'counsellor-dashboard');
    await robin.page.goto(`/spaces/${spaceId}`);
    await robin.page
      .getByRole('navigation', { name: 'Space sections', includeHidden: true })
      .waitFor({ state: 'attached', timeout: 20_000 });
    await checkScreen(robin.page, 'counsellor-board');
    await robin.page.setViewportSize(PHONE);
    await showSection(robin.page, 'Together');
    await checkScreen(robin.page, 'counsellor-together', PHONE);
    await robin.page.setViewportSize(DESKTOP);
    await robin.page.goto(`/spaces/${spaceId}/journey`);
    await new JourneyPage(robin.page).root().waitFor({ timeout: 20_000 });
    await checkScreen(robin.page, 'counsellor-journey');
  });

  it('the invitation page, logged out and logged in', async () => {
    const invite = await couple.a.invite(spaceId, 'counsellor');
    await visitor.page.goto(`/invite/${invite.token}`);
    await visitor.page.getByTestId('invite-card').waitFor();
    await checkScreen(visitor.page, 'invite-logged-out');
    await robin.page.goto(`/invite/${invite.token}`);
    await robin.page.getByTestId('invite-card').waitFor();
    await eventually(
      'the invitation to be checked',
      async () => (await robin.page.getByTestId('invite-card').getAttribute('data-state')) !== null,
    );
    await checkScreen(robin.page, 'invite-logged-in');
  });

  it('no page reported an error (a visitor’s 401 from /api/me aside)', () => {
    visits.assertNoUnexpectedErrors(people);
  });
});
