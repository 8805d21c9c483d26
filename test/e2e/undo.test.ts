import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, eventually, screenshot } from './browser';
import { DESKTOP, PHONE } from './people';
import { SpacePage } from './pages/SpacePage';
import { browserJourney } from './journeySetUp';

// Personal undo and "is editing" in two browsers: Alex and Sam type into the same experience
// title at once, Alex presses Undo, and Sam's words and the card itself survive.
const journey = browserJourney('fail-undo');

describe('undo and presence in the browser', { timeout: 120_000 }, () => {
  it('undo after a concurrent edit keeps the partner’s words and the item; stale “is editing” never lingers', async () => {
    const { alex, sam } = await journey.coupleOnBoard();

    await alex.addExperience('Weekend');
    const id = await alex.item('Weekend').getAttribute('data-item-id');
    const cardOf = (p: SpacePage) => p.page.locator(`[data-item-id="${id}"]`);
    // Cards show their words as text; a click turns the title into its live field, in place.
    const titleOf = (p: SpacePage): Locator => cardOf(p).locator('[data-inline="Title"]');
    const titleText = async (p: SpacePage): Promise<string> => {
      const box = titleOf(p).getByRole('textbox');
      if ((await box.count()) > 0) return box.inputValue();
      return (await titleOf(p).locator('.inline-value').textContent()) ?? '';
    };
    const editTitle = async (p: SpacePage): Promise<void> => {
      const box = titleOf(p).getByRole('textbox');
      if ((await box.count()) === 0) await titleOf(p).locator('.inline-text').click();
      else await box.click();
      await box.waitFor();
    };
    await titleOf(sam).waitFor();
    const undo = alex.page.getByRole('group', { name: 'Undo and redo your own changes' });

    // Both type into the same title at once.
    await editTitle(alex);
    await alex.page.keyboard.press('End');
    await editTitle(sam);
    await sam.page.keyboard.press('Home');
    await Promise.all([alex.page.keyboard.type(' in the hills', { delay: 30 }), sam.page.keyboard.type('Long ', { delay: 30 })]);
    for (const p of [alex, sam]) {
      await eventually('the merged title on both screens', async () => (await titleText(p)) === 'Long Weekend in the hills');
    }
    await eventually('Alex to see that Sam is editing', async () =>
      (await cardOf(alex).getByTestId('editing-badge').allTextContents()).join('').includes('Sam'),
    );

    // One Undo: Alex's words go, Sam's stay, the card stays on both screens.
    await undo.getByRole('button', { name: 'Undo' }).click();
    for (const p of [alex, sam]) {
      await eventually('only Alex’s words to be undone', async () => (await titleText(p)) === 'Long Weekend');
      expect(await cardOf(p).count()).toBe(1);
    }
    // One Redo click per step.
    await undo.getByRole('button', { name: 'Redo' }).click();
    for (const p of [alex, sam]) {
      await eventually('redo to bring Alex’s words back', async () => (await titleText(p)) === 'Long Weekend in the hills');
    }

    // Undo the words again, then the creation: Sam has worked on it since, so it is kept, and said.
    await undo.getByRole('button', { name: 'Undo' }).click();
    await eventually('Alex’s words undone again', async () => (await titleText(sam)) === 'Long Weekend');
    await undo.getByRole('button', { name: 'Undo' }).click();
    await alex.page.getByTestId('undo-notice').getByText('Undo left “Long Weekend” as it is: Sam has changed it since.').waitFor();
    await screenshot(alex.page, 'undo-kept-1280');
    await alex.page.setViewportSize(PHONE);
    await alex.page.getByTestId('undo-notice').scrollIntoViewIfNeeded();
    await alex.page.screenshot({ path: `${ARTIFACTS}/undo-kept-375.png` });
    await alex.page.setViewportSize(DESKTOP);
    expect(await cardOf(alex).count()).toBe(1);
    expect(await cardOf(sam).count()).toBe(1);
    expect(await titleText(sam)).toBe('Long Weekend');

    // Sam leaves the card: the badge goes.
    await sam.page.getByRole('heading', { level: 1 }).click();
    await eventually('the badge to clear when Sam leaves', async () => (await cardOf(alex).getByTestId('editing-badge').count()) === 0);

    // Sam's caret is in the card when Alex deletes it; Alex brings it back with Undo: no stale badge.
    await editTitle(sam);
    await eventually('Alex to see Sam editing again', async () => (await cardOf(alex).getByTestId('editing-badge').count()) === 1);
    // Deleting asks in an in-app dialog, and is undone from its toast (not the Undo toolbar).
    await cardOf(alex).getByTestId('item-menu').click();
    await alex.page.getByRole('menu').getByRole('menuitem', { name: 'Delete…', exact: true }).click();
    await alex.page.getByRole('dialog', { name: 'Delete this experience?' }).getByRole('button', { name: 'Delete', exact: true }).click();
    await eventually('the card to go from Sam’s screen', async () => (await cardOf(sam).count()) === 0);
    await alex.page.getByTestId('toast').getByRole('button', { name: 'Undo' }).click();
    for (const p of [alex, sam]) await cardOf(p).waitFor();
    // Give Sam's presence time to arrive, were it stale (a negative check needs a bounded wait).
    await alex.page.waitForTimeout(1500);
    expect(await cardOf(alex).getByTestId('editing-badge').count()).toBe(0);

    // The board with its undo toolbar fits a phone.
    await alex.page.setViewportSize(PHONE);
    const scrollWidth = await alex.page.evaluate<number>('document.documentElement.scrollWidth');
    expect(scrollWidth).toBeLessThanOrEqual(PHONE.width);
    await alex.page.evaluate('window.scrollTo(0, 0)');
    await alex.page.screenshot({ path: `${ARTIFACTS}/undo-375.png` });
    journey.people.assertNoErrors();
  });
});
