import { describe, expect, it } from 'vitest';
import { createAppreciation, createCard } from '@hearth/shared/board';
import { docNameOf } from '@hearth/shared/realtime';
import { eventually } from './browser';
import { browserJourney } from './journeySetUp';
import { JourneyPage } from './pages/JourneyPage';
import type { SpacePage } from './pages/SpacePage';

// Alex and Sam in two browser contexts at 1280 px: what the partner can answer (a card in
// "only me" cannot be), and answers to an item (an "I understand", a heart, a reply) that are
// not edits of its author's words.
const journey = browserJourney('card-answers-failure');
const TWO_DAYS = 2 * 86_400_000;

async function addCard(page: SpacePage, statement: string, kind: 'need' | 'trigger', visibility: 'Only me' | 'Us'): Promise<void> {
  const cards = page.section('Needs & boundaries');
  await cards.getByRole('button', { name: 'Add card' }).click();
  const form = cards.getByRole('form', { name: 'New card' });
  await form.getByLabel('Kind of card').selectOption(kind);
  await form.getByLabel('In my own words').fill(statement);
  await form.getByLabel('Who can see this').selectOption({ label: visibility });
  await form.getByRole('button', { name: 'Add card' }).click();
  await page.item(statement).waitFor();
}

async function openJourney(page: SpacePage, spaceId: string): Promise<JourneyPage> {
  await page.page.goto(`/spaces/${spaceId}/journey`);
  const view = new JourneyPage(page.page);
  await view.root().waitFor({ timeout: 20_000 });
  return view;
}

const byline = (page: SpacePage, label: string) => page.item(label).locator('.item-byline');

describe('answers to a card, and cards no one else can answer', { timeout: 90_000 }, () => {
  it('a trigger in "only me" asks for no acknowledgement and is not counted as not understood', async () => {
    const { alex, sam, space } = await journey.coupleOnBoard();
    await addCard(alex, 'Slammed doors', 'trigger', 'Only me');
    await addCard(alex, 'A walk on Sundays', 'need', 'Us');
    await sam.item('A walk on Sundays').waitFor();
    await alex.waitSaved();

    const secret = alex.item('Slammed doors');
    expect(await secret.getByText('Not acknowledged yet.').count()).toBe(0);
    expect(await secret.getByText('Private — only you see this.').count()).toBe(1);
    expect(await alex.item('A walk on Sundays').getByText('Not acknowledged yet.').count()).toBe(1);
    expect(await sam.item('Slammed doors').count()).toBe(0);

    // "Still open" lists what waits for the partner: not a card only Alex can see.
    const status = alex.page.getByRole('group', { name: 'Filter the board' }).getByLabel('Status');
    await status.selectOption({ label: 'Still open' });
    await alex.item('A walk on Sundays').waitFor();
    expect(await alex.item('Slammed doors').count()).toBe(0);
    await status.selectOption({ label: 'Completed' });
    await alex.item('Slammed doors').waitFor();
    expect(await alex.item('A walk on Sundays').count()).toBe(0);
    await status.selectOption({ label: 'Active' });
    await alex.item('Slammed doors').waitFor();

    const counts = 'Understood so far: 0 of 1 needs, 0 of 0 boundaries, 0 of 0 triggers.';
    for (const [who, page] of [
      ['Alex', alex],
      ['Sam', sam],
    ] as const) {
      const view = await openJourney(page, space.id);
      await eventually(`${who}’s journey to count only the card Sam can see`, async () => {
        return (await view.text(view.summaryOf('understanding-types'))) === counts;
      });
    }
    expect(journey.server.hearth.collab.refusals(), 'updates the server refused').toBe(0);
    journey.people.assertNoErrors();
  });

  it('an "I understand", a heart and a reply do not mark Alex’s words as edited; Alex’s own edit does', async () => {
    const { a, b, alex, sam, space } = await journey.coupleOnBoard();
    const [alexId, samId] = [a.user!.id, b.user!.id];
    const actor = { userId: alexId, partnerIds: [alexId, samId] };
    const written = { now: new Date(Date.now() - TWO_DAYS) };
    await journey.server.hearth.collab.withDoc(docNameOf({ kind: 'couple', spaceId: space.id }), (doc) => {
      createCard(doc, actor, { cardType: 'need', statement: 'Quiet mornings' }, written);
      createAppreciation(doc, actor, { toId: samId, text: 'Thank you for the soup' }, written);
    });
    const card = 'Quiet mornings';
    const thanks = 'Thank you for the soup';
    await sam.item(card).waitFor();
    await sam.item(thanks).waitFor();

    await sam.item(card).getByRole('button', { name: 'I understand' }).click();
    const onSam = sam.item(thanks);
    await onSam.getByRole('button', { name: 'Heart' }).click();
    await onSam.getByRole('button', { name: 'Reply' }).click();
    await onSam.getByRole('textbox', { name: 'Your reply to Alex' }).fill('Any time');
    await onSam.getByRole('button', { name: 'Send reply' }).click();
    await eventually(
      'Alex to see the acknowledgement and the reply',
      async () =>
        (await alex
          .item(card)
          .getByText(/Sam understood this/)
          .count()) === 1 && (await alex.item(thanks).getByTestId('appreciation-reply').textContent()) === 'Sam: Any time',
    );
    for (const page of [alex, sam]) {
      expect(await byline(page, card).textContent()).not.toContain('edited');
      expect(await byline(page, thanks).textContent()).not.toContain('edited');
    }

    // Alex changes what helps: that is an edit, by Alex.
    const helps = await alex.edit(card, 'What helps me');
    await helps.pressSequentially('Tea first');
    await alex.page.keyboard.press('Escape');
    await alex.waitSaved();
    await eventually(
      'both to see Alex’s card marked edited by Alex',
      async () =>
        (await byline(alex, card).getByText('edited', { exact: true }).getAttribute('title'))?.endsWith('by You') === true &&
        (await byline(sam, card).getByText('edited', { exact: true }).getAttribute('title'))?.endsWith('by Alex') === true,
    );
    expect(await byline(alex, thanks).textContent()).not.toContain('edited');
    expect(journey.server.hearth.collab.refusals(), 'updates the server refused').toBe(0);
    journey.people.assertNoErrors();
  });
});
