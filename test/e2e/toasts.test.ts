import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { eventually } from './browser';
import { browserJourney } from './journeySetUp';
import { PHONE } from './people';
import { ExercisePages } from './pages/ExercisePages';
import { showSection } from './pages/SpaceSections';

// Alex and Sam in two browser contexts at 375 px: the exercise invitation and a board toast
// stay clear of the bottom navigation and of each other, and an invitation already answered
// (or about one's own exercise) is not shown again on another page.
const journey = browserJourney('toasts-failure');

async function boxOf(locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not on screen');
  return box;
}
async function overlap(a: Locator, b: Locator): Promise<boolean> {
  const [x, y] = [await boxOf(a), await boxOf(b)];
  return x.x < y.x + y.width && y.x < x.x + x.width && x.y < y.y + y.height && y.y < x.y + x.height;
}

describe('toasts on a phone', { timeout: 90_000 }, () => {
  it('stack clear of the bottom navigation and of each other, and are not shown again on navigation', async () => {
    const { alex, sam } = await journey.coupleOnBoard(PHONE);
    const nav = (page: typeof alex) => page.page.getByRole('navigation', { name: 'Space sections' });
    await alex.addExperience('Picnic by the lake');

    const samEx = new ExercisePages(sam.page);
    await samEx.start('Together check-in');
    const alexEx = new ExercisePages(alex.page);
    await alexEx.prompt().getByText('Sam started a together check-in').waitFor();
    await showSection(alex.page, 'Board');
    expect(await overlap(alexEx.prompt(), nav(alex)), 'the invitation covers the bottom navigation').toBe(false);
    // Scrolled to the end, the page's last content clears the invitation.
    const contentEnd = Number(
      await alex.page.evaluate(`(() => {
        window.scrollTo(0, document.documentElement.scrollHeight);
        const children = [...document.querySelector('main.page').children].reverse();
        const last = children.find((el) => getComputedStyle(el).position !== 'fixed' && el.getBoundingClientRect().height > 0);
        return last.getBoundingClientRect().bottom;
      })()`),
    );
    expect(contentEnd, 'the end of the page stays under the invitation').toBeLessThanOrEqual((await boxOf(alexEx.prompt())).y + 1);

    // A second toast (undo a delete) while the invitation is up.
    // (scrolled to the top so the floating invitation does not cover its menu)
    await alex.item('Picnic by the lake').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await alex.menu('Picnic by the lake', 'Delete…');
    await alex.page.getByRole('dialog', { name: 'Delete this experience?' }).getByRole('button', { name: 'Delete', exact: true }).click();
    const toast = alex.page.getByTestId('toast');
    await toast.waitFor();
    expect(await overlap(toast, nav(alex)), 'the toast covers the bottom navigation').toBe(false);
    expect(await overlap(toast, alexEx.prompt()), 'the toast and the invitation overlap').toBe(false);

    // Sam left the own exercise for the board: Sam is not invited to it, on any page.
    await samEx.backToBoard();
    for (const section of ['Journey', 'Board'] as const) {
      await showSection(sam.page, section);
      await sam.page.waitForTimeout(500);
      expect(await samEx.prompt().count(), `Sam invited to Sam’s own exercise on ${section}`).toBe(0);
    }

    // Alex answers "Later": the invitation does not come back on the next page.
    await alexEx.prompt().getByRole('button', { name: 'Later' }).click();
    await eventually('the invitation to go', async () => (await alexEx.prompt().count()) === 0);
    for (const section of ['Journey', 'Board'] as const) {
      await showSection(alex.page, section);
      await alex.page.waitForTimeout(500);
      expect(await alexEx.prompt().count(), `the invitation shown again on ${section}`).toBe(0);
    }
    journey.people.assertNoErrors();
  });
});
