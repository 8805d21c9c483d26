import { describe, expect, it } from 'vitest';
import { createAppreciation } from '@hearth/shared/board';
import { docNameOf } from '@hearth/shared/realtime';
import { eventually } from './browser';
import { browserJourney } from './journeySetUp';
import type { SpacePage } from './pages/SpacePage';

// Alex and Sam in two browser contexts at 1280 px: "Sam is editing" on Alex's screen lasts
// exactly as long as Sam has a text field of the card open, however Sam leaves it.
const journey = browserJourney('editing-presence-failure');

const badge = (page: SpacePage, label: string) => page.item(label).getByTestId('editing-badge');

async function waitEditing(alex: SpacePage, label: string, shown: boolean, what: string): Promise<void> {
  await eventually(what, async () => (await badge(alex, label).count()) === (shown ? 1 : 0), 5_000);
}

describe('who is editing a card', { timeout: 90_000 }, () => {
  it('Sam sending, cancelling or leaving a reply to Alex’s appreciation clears "Sam is editing" without a reload', async () => {
    const { a, b, alex, sam, space } = await journey.coupleOnBoard();
    const [alexId, samId] = [a.user!.id, b.user!.id];
    await journey.server.hearth.collab.withDoc(docNameOf({ kind: 'couple', spaceId: space.id }), (doc) => {
      createAppreciation(doc, { userId: alexId, partnerIds: [alexId, samId] }, { toId: samId, text: 'Thank you for the soup' });
    });
    const thanks = 'Thank you for the soup';
    await sam.item(thanks).waitFor();
    await alex.item(thanks).waitFor();
    const onSam = sam.item(thanks);
    const field = onSam.getByRole('textbox', { name: 'Your reply to Alex' });

    // Sent with Enter: the field goes away while it has focus.
    await onSam.getByRole('button', { name: 'Reply' }).click();
    await field.fill('Any time');
    await waitEditing(alex, thanks, true, 'Alex to see that Sam is editing');
    expect(await badge(alex, thanks).textContent()).toContain('Sam is editing');
    await field.press('Enter');
    await eventually('Alex to see the reply', async () => (await alex.item(thanks).getByTestId('appreciation-reply').count()) === 1);
    await waitEditing(alex, thanks, false, 'Alex to stop seeing "Sam is editing" after Sam sent the reply');

    // Sent with the button.
    await onSam.getByRole('button', { name: 'Edit reply' }).click();
    await field.fill('Any time, love');
    await waitEditing(alex, thanks, true, 'Alex to see Sam editing the reply');
    await onSam.getByRole('button', { name: 'Send reply' }).click();
    await waitEditing(alex, thanks, false, 'Alex to stop seeing "Sam is editing" after Sam sent with the button');

    // Cancelled with Escape.
    await onSam.getByRole('button', { name: 'Edit reply' }).click();
    await field.fill('Hmm');
    await waitEditing(alex, thanks, true, 'Alex to see Sam editing again');
    await field.press('Escape');
    await waitEditing(alex, thanks, false, 'Alex to stop seeing "Sam is editing" after Sam pressed Escape');

    // Left for another part of the page (blur).
    await onSam.getByRole('button', { name: 'Edit reply' }).click();
    await field.fill('Hmm');
    await waitEditing(alex, thanks, true, 'Alex to see Sam editing once more');
    await sam.page.locator('body').click({ position: { x: 5, y: 5 } });
    await waitEditing(alex, thanks, false, 'Alex to stop seeing "Sam is editing" after Sam left the field');

    // The appreciation's own text, edited in place by Alex and left with Escape: Sam's badge clears too.
    const text = await alex.edit(thanks, 'Appreciation');
    await text.press('End');
    await eventually('Sam to see that Alex is editing', async () => (await badge(sam, thanks).count()) === 1, 5_000);
    await text.press('Escape');
    await eventually('Sam to stop seeing "Alex is editing"', async () => (await badge(sam, thanks).count()) === 0, 5_000);

    expect(journey.server.hearth.collab.refusals(), 'updates the server refused').toBe(0);
    journey.people.assertNoErrors();
  });
});
