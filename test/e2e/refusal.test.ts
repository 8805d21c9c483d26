import { describe, expect, it } from 'vitest';
import { eventually, screenshot } from './browser';
import { PHONE } from './people';
import { browserJourney } from './journeySetUp';

// The server is the authority on the board's rules. An edit that was legal on Sam's screen
// when Sam made it offline (accepting a promise) is no longer legal when it arrives (Alex
// renegotiated the promise meanwhile): the server refuses it, Sam's board rolls back to what
// the server holds and says why in one sentence.
const journey = browserJourney('refusal-failure');

describe('an edit the server refuses', { timeout: 120_000 }, () => {
  it("is rolled back on the sender's board with a sentence saying why", async () => {
    const { alex, sam, samPerson } = await journey.coupleOnBoard();

    const promise = 'Call before bed';
    await alex.addPromise(promise);
    await sam.item(promise).waitFor();

    // Sam accepts while offline: legal on Sam's screen.
    await samPerson.context.setOffline(true);
    await eventually('Sam to see Offline', async () => (await sam.connectionState().textContent()) === 'Offline');
    await sam.item(promise).getByRole('button', { name: 'Accept' }).click();
    await sam.item(promise).getByText('Accepted', { exact: true }).waitFor();

    // Meanwhile Alex replaces it with a new version.
    await alex.item(promise).getByRole('button', { name: 'Renegotiate' }).click();
    await alex.item(promise).getByLabel('New wording').fill('Call or text before bed');
    await alex.item(promise).getByRole('button', { name: 'Propose new version' }).click();
    await alex.item('Call or text before bed').waitFor();
    await alex.waitSaved();
    expect(journey.server.hearth.collab.refusals()).toBe(0);

    await samPerson.context.setOffline(false);
    const notice = sam.page.getByTestId('refusal-notice');
    await notice.waitFor({ timeout: 15_000 });
    await eventually(
      'the sentence to name what was refused',
      async () =>
        (await notice.textContent())?.includes(
          "That change wasn't allowed: this promise changed before your edit arrived, so that step is no longer possible.",
        ) === true,
    );
    expect(journey.server.hearth.collab.refusals()).toBe(1);

    // Sam's board now shows what the server holds: the promise was renegotiated, not accepted.
    await sam.item('Call or text before bed').waitFor();
    await sam.item(promise).getByText('Renegotiated', { exact: true }).waitFor();
    await sam.waitLive();
    await screenshot(sam.page, '30-refused-edit-rolled-back');
    await sam.page.setViewportSize(PHONE);
    await notice.scrollIntoViewIfNeeded();
    await screenshot(sam.page, '30-refused-edit-rolled-back-phone');

    // The board keeps working: Sam accepts the new version, and it is saved for both.
    await sam.item('Call or text before bed').getByRole('button', { name: 'Accept' }).click();
    await sam.waitSaved();
    await alex.item('Call or text before bed').getByText('Accepted', { exact: true }).waitFor();
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    expect(await notice.count()).toBe(0);
    expect(journey.server.hearth.collab.refusals()).toBe(1);
    // Going offline on purpose makes Chromium log the failed socket reconnects; nothing else may.
    journey.people.assertNoErrors(/ERR_INTERNET_DISCONNECTED/);
  });
});
