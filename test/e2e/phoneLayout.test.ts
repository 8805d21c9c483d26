import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeCouple, type Couple } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/server';
import { expectAccessible } from './axe';
import { ARTIFACTS, eventually, launchBrowser, screenshot } from './browser';
import { DESKTOP, PHONE, People, type Person } from './people';
import { SpacePage } from './pages/SpacePage';

// A couple where one name is long, as a tester found it: Alexandrina made the space on a
// laptop (1280 px) and invited Sam, who uses a phone (375 px). Every screen Sam uses has to fit
// the phone: nothing past its edges, no words cut in half, nothing lying over a name.
const LONG_NAME = 'Alexandrina Konstantinopoulou-Wetherby';
const TRIP = 'Weekend in Porto';
const STEPS = ['Book flights', 'Find a guesthouse near Ribeira', 'Pack light'];

let server: TestServer;
let browser: Browser;
let people: People;
let couple: Couple;
let alex: Person;
let sam: Person;

type Box = { x: number; y: number; width: number; height: number };

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${String(locator)} is not on screen`);
  return box;
}

function within(inner: Box, outer: Box): boolean {
  return inner.x >= outer.x - 0.5 && inner.x + inner.width <= outer.x + outer.width + 0.5;
}

function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

const screen = (page: Page): Box => ({ x: 0, y: 0, width: page.viewportSize()!.width, height: page.viewportSize()!.height });

/** Screenshots for review at both sizes (test-artifacts/phone-<name>-<width>.png); ends at `back`. */
async function shootBoth(page: Page, name: string, back: { width: number; height: number }): Promise<void> {
  for (const viewport of [DESKTOP, PHONE]) {
    await page.setViewportSize(viewport);
    await screenshot(page, `phone-${name}-${viewport.width}`);
  }
  await page.setViewportSize(back);
}

/** A close-up of one part of the screen, for review (test-artifacts/phone-<name>.png). */
async function shootPart(locator: Locator, name: string): Promise<void> {
  await locator.screenshot({ path: path.join(ARTIFACTS, `phone-${name}.png`) });
}

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  people = new People(browser, server.baseUrl);
  couple = await makeCouple(server.baseUrl, { a: LONG_NAME, b: 'Sam Rivera' });
  alex = await people.open('Alex', couple.a, DESKTOP);
  sam = await people.open('Sam', couple.b, PHONE);
  await alex.page.goto(`/spaces/${couple.space.id}`);
  await sam.page.goto(`/spaces/${couple.space.id}`);
  await new SpacePage(alex.page).waitLive();
  await new SpacePage(sam.page).waitLive();
}, 120_000);
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await people.screenshotAll(`phone-failed-${ctx.task.name.slice(0, 30).replace(/\W+/g, '-')}`);
});
afterAll(async () => {
  await people?.close();
  await browser?.close();
  await server?.stop();
});

describe('a long name on a phone', { timeout: 90_000 }, () => {
  it('the partner who joined by invite gets a guide written for them, not the creator’s', async () => {
    const samGuide = sam.page.getByTestId('first-run');
    await samGuide.waitFor();
    await samGuide.getByRole('heading', { name: 'Welcome to “Alex & Sam”' }).waitFor();
    await samGuide.getByRole('heading', { name: `You joined ${LONG_NAME}’s space` }).waitFor();
    const said = (await samGuide.textContent()) ?? '';
    expect(said).not.toContain('Invite your partner');
    expect(said).not.toContain('Create your space');
    expect(said).not.toContain('has joined');
    expect(said).toContain(`Something small for ${LONG_NAME} to find:`);
    expect(await samGuide.getByRole('button', { name: 'Write an appreciation' }).getAttribute('aria-disabled')).toBe('false');
    await expectAccessible(sam.page, 'the joined partner’s guide');
    await shootBoth(sam.page, 'guide-joined', PHONE);

    // The one who made the space still has the guide for making it and inviting.
    const alexGuide = alex.page.getByTestId('first-run');
    await alexGuide.getByRole('heading', { name: 'Make “Alex & Sam” yours' }).waitFor();
    await alexGuide.getByRole('heading', { name: 'Invite your partner' }).waitFor();
    await alexGuide.getByText('Sam Rivera has joined. You now share this board live.').waitFor();
    await shootBoth(alex.page, 'guide-creator', DESKTOP);
    people.assertNoErrors();
  });

  it('a plan’s steps fit the phone: readable words, a short “who” and a × that can be reached', async () => {
    const board = new SpacePage(alex.page);
    await board.addExperience(TRIP, 'Us + counsellor');
    await board.openDetails(TRIP);
    const add = board.item(TRIP).getByLabel('New step', { exact: true });
    for (const step of STEPS) {
      await add.fill(step);
      await board.item(TRIP).getByRole('button', { name: 'Add step' }).click();
      await board
        .item(TRIP)
        .getByRole('button', { name: `Remove step “${step}”` })
        .waitFor();
    }

    const phone = new SpacePage(sam.page);
    const card = phone.item(TRIP);
    await card.waitFor({ timeout: 15_000 });
    await phone.openDetails(TRIP);
    const texts = card.getByRole('textbox', { name: 'Step', exact: true });
    await eventually('Sam to see the three steps', async () => (await texts.count()) === 3);
    await card.getByRole('button', { name: `Remove step “${STEPS[2]}”` }).scrollIntoViewIfNeeded();
    const cardBox = await boxOf(card);
    for (const [i, step] of STEPS.entries()) {
      const text = await boxOf(texts.nth(i));
      expect(text.width, `the words of “${step}” are readable`).toBeGreaterThanOrEqual(120);
      const who = await boxOf(card.getByRole('combobox', { name: `Who does “${step}”` }));
      expect(within(who, cardBox), `“who” of “${step}” inside the card`).toBe(true);
      const remove = await boxOf(card.getByRole('button', { name: `Remove step “${step}”` }));
      expect(within(remove, cardBox), `× of “${step}” inside the card`).toBe(true);
      expect(within(remove, screen(sam.page)), `× of “${step}” on screen`).toBe(true);
      expect(remove.width, `× of “${step}” big enough for a finger`).toBeGreaterThanOrEqual(44);
    }
    await expect(texts.nth(1).inputValue()).resolves.toBe(STEPS[1]);
    // Every step's words show whole: the long one wraps onto a second line, nothing scrolls.
    const fits = async (i: number) =>
      texts.nth(i).evaluate((el) => {
        const style = el.ownerDocument.defaultView!.getComputedStyle(el);
        return {
          scrollWidth: el.scrollWidth,
          clientWidth: el.clientWidth,
          scrollHeight: el.scrollHeight,
          clientHeight: el.clientHeight,
          line: parseFloat(style.lineHeight) || 1.2 * parseFloat(style.fontSize),
        };
      });
    for (const [i, step] of STEPS.entries()) {
      const m = await fits(i);
      expect(m.scrollWidth, `no words of “${step}” hidden sideways`).toBeLessThanOrEqual(m.clientWidth);
      expect(m.scrollHeight, `no line of “${step}” hidden`).toBeLessThanOrEqual(m.clientHeight);
    }
    const long = await fits(1);
    expect(long.clientHeight, `“${STEPS[1]}” takes two lines`).toBeGreaterThanOrEqual(2 * long.line);
    // Enter adds no line break to a step.
    await texts.nth(1).press('End');
    await texts.nth(1).press('Enter');
    await expect(texts.nth(1).inputValue()).resolves.toBe(STEPS[1]);
    // Words pasted over two lines become one line of words, as they did in a one-line box.
    await sam.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl });
    await sam.page.evaluate("navigator.clipboard.writeText('Find a guesthouse\\nnear Ribeira')");
    await texts.nth(1).press('ControlOrMeta+a');
    await texts.nth(1).press('ControlOrMeta+v');
    await expect(texts.nth(1).inputValue()).resolves.toBe(STEPS[1]);
    await shootPart(card.locator('.steps'), 'steps-part-375');

    // The long name can be chosen; it stays inside the card, and Alexandrina sees it live.
    const who = card.getByRole('combobox', { name: `Who does “${STEPS[0]}”` });
    await who.selectOption({ label: LONG_NAME });
    expect(within(await boxOf(who), cardBox), 'the chosen long name inside the card').toBe(true);
    expect(await who.getAttribute('title')).toBe(LONG_NAME);
    await shootPart(card.locator('.steps'), 'steps-part-chosen-375');
    const alexWho = board.item(TRIP).getByRole('combobox', { name: `Who does “${STEPS[0]}”` });
    await eventually('Alexandrina to see the step is hers', async () => (await alexWho.inputValue()) === couple.a.user!.id);
    await card.getByRole('button', { name: `Remove step “${STEPS[2]}”` }).click();
    await eventually(
      'Alexandrina to see the step go',
      async () => (await board.item(TRIP).getByRole('textbox', { name: 'Step', exact: true }).count()) === 2,
    );
    await card.getByText('Steps', { exact: true }).scrollIntoViewIfNeeded();
    await expectAccessible(sam.page, 'the steps on a phone');
    await shootBoth(sam.page, 'steps', PHONE);
    people.assertNoErrors();
  });

  it('a long name in a card’s footer is not covered by who can see the card', async () => {
    const card = new SpacePage(sam.page).item(TRIP);
    await card.getByRole('button', { name: 'Hide details' }).click();
    const footer = card.locator('.item-foot');
    await footer.scrollIntoViewIfNeeded();
    const name = footer.locator('.byline-name');
    await expect(name.textContent()).resolves.toBe(LONG_NAME);
    const badge = footer.getByTestId('visibility');
    await expect(badge.textContent()).resolves.toContain('Us + counsellor');
    const [nameBox, badgeBox, footBox] = [await boxOf(name), await boxOf(badge), await boxOf(footer)];
    expect(overlap(nameBox, badgeBox), 'the name and the badge overlap').toBe(false);
    expect(within(nameBox, footBox), 'the name inside the footer').toBe(true);
    expect(within(badgeBox, footBox), 'the badge inside the footer').toBe(true);
    // The badge and the menu stay at the end of the footer.
    const menu = await boxOf(footer.getByTestId('item-menu'));
    expect(menu.x + menu.width).toBeGreaterThan(footBox.x + footBox.width - 60);
    await shootPart(footer, 'footer-part-375');
    await shootBoth(sam.page, 'footer', PHONE);
    people.assertNoErrors();
  });

  it('the notifications panel opens inside the screen', async () => {
    for (const viewport of [PHONE, DESKTOP]) {
      await sam.page.setViewportSize(viewport);
      await sam.page.evaluate('window.scrollTo(0, 0)');
      await sam.page.getByTestId('notification-bell').click();
      const panel = sam.page.getByRole('region', { name: 'Notifications' });
      await panel.getByRole('heading', { name: 'Reminders' }).waitFor();
      const box = await boxOf(panel);
      expect(within(box, screen(sam.page)), `the panel inside ${viewport.width} px`).toBe(true);
      const heading = await boxOf(panel.getByRole('heading', { name: 'Reminders' }));
      expect(heading.x, `“Reminders” readable at ${viewport.width} px`).toBeGreaterThanOrEqual(0);
      await screenshot(sam.page, `phone-notifications-${viewport.width}`);
      await sam.page.screenshot({
        path: path.join(ARTIFACTS, `phone-notifications-part-${viewport.width}.png`),
        clip: { x: 0, y: 0, width: viewport.width, height: box.y + box.height + 16 },
      });
      // The bell closes it again (Esc twice in a row would be the quick exit).
      await sam.page.getByTestId('notification-bell').click();
      await panel.waitFor({ state: 'detached' });
    }
    await sam.page.setViewportSize(PHONE);
    people.assertNoErrors();
  });

  it('the check-in form’s mood words stay whole on a phone', async () => {
    const section = new SpacePage(sam.page).section('Check-ins');
    await section.getByRole('button', { name: 'Check in', exact: true }).click();
    const form = section.getByRole('form', { name: 'Today’s check-in' });
    await form.waitFor();
    for (const width of [PHONE.width, 320]) {
      await sam.page.setViewportSize({ width, height: PHONE.height });
      await form.getByRole('radio', { name: 'Steady' }).check();
      const words = form.locator('.mood-word');
      expect(await words.count()).toBe(5);
      for (const word of await words.all()) {
        const fit = await word.evaluate((el) => {
          const range = el.ownerDocument.createRange();
          range.selectNodeContents(el);
          const option = el.parentElement!;
          return {
            text: el.textContent,
            lines: range.getClientRects().length,
            fits: range.getBoundingClientRect().width <= option.clientWidth,
          };
        });
        expect(fit, `“${fit.text}” at ${width} px`).toEqual({ text: fit.text, lines: 1, fits: true });
      }
      await form.scrollIntoViewIfNeeded();
      await screenshot(sam.page, `phone-checkin-${width}`);
      await shootPart(form.locator('.mood-scale'), `checkin-part-${width}`);
    }
    await sam.page.setViewportSize(DESKTOP);
    await screenshot(sam.page, 'phone-checkin-1280');
    await sam.page.setViewportSize(PHONE);
    await expectAccessible(sam.page, 'the check-in form on a phone');
    people.assertNoErrors();
  });
});
