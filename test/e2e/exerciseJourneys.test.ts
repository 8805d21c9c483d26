import type { Browser } from 'playwright-core';
import { acceptPromise, confirmPromise, createPromise, markPromise, readItemOfKind } from '@hearth/shared/board';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeCouple, makeCoupleWithCounsellor } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/server';
import { connectClient, waitFor } from '../integration/collab-fixtures/providers';
import { ARTIFACTS, eventually, launchBrowser } from './browser';
import { DESKTOP, PHONE, People, type Person } from './people';
import { showSection } from './pages/SpaceSections';
import { ExercisePages } from './pages/ExercisePages';

// Each of the four live exercises run to its end by two partners — Alex on a desktop, Sam on a
// 375 px phone — with the counsellor Robin observing from a third context: the others join from
// the prompt, the other partner pauses, someone reloads in the middle and comes back.
let server: TestServer;
let browser: Browser;
let people: People;
let alex: Person & { ex: ExercisePages };
let sam: Person & { ex: ExercisePages };
let robin: Person & { ex: ExercisePages };
let spaceId: string;

/** A viewport screenshot (the focused view scrolls inside, the page behind does not). */
async function shot(person: Person, name: string) {
  await person.page.screenshot({ path: `${ARTIFACTS}/${name}.png` });
}

async function reloadAndRejoin(person: Person & { ex: ExercisePages }) {
  await person.page.reload();
  // The exercise this screen had open comes back after a reload.
  await person.ex.view().waitFor();
}

// The journeys share one couple and run in order; after a failure the rest are skipped.
let failed = false;

describe('live exercises in the browser', { timeout: 120_000 }, () => {
  beforeEach((ctx) => {
    if (failed) ctx.skip();
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') {
      failed = true;
      await people.screenshotAll(`fail-exercises-${ctx.task.name.slice(0, 24).replace(/\W+/g, '-')}`);
    }
    people.assertNoErrors();
  });

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    people = new People(browser, server.baseUrl);
    const { a, b, c, space } = await makeCoupleWithCounsellor(server.baseUrl);
    spaceId = space.id;

    // A promise Alex made to Sam, due today: what the promise review walks through.
    // Each partner writes as themselves, on the couple's board ("us"): the server refuses forgeries.
    const boardA = connectClient(server.wsBase, `couple:${space.id}`, { cookie: a.cookie, origin: server.baseUrl });
    const boardB = connectClient(server.wsBase, `couple:${space.id}`, { cookie: b.cookie, origin: server.baseUrl });
    await waitFor('the boards to sync', () => boardA.provider.synced && boardB.provider.synced);
    const partners = [a.user!.id, b.user!.id];
    const today = new Date().toISOString().slice(0, 10);
    const promiseId = createPromise(
      boardA.doc,
      { userId: a.user!.id, partnerIds: partners },
      {
        text: 'Call when I land',
        promiseeId: b.user!.id,
        cadence: { type: 'once', dueDate: today },
      },
    );
    await waitFor('the promise to reach Sam', () => boardB.doc.getMap('items').has(promiseId));
    acceptPromise(boardB.doc, { userId: b.user!.id, partnerIds: partners }, { itemId: promiseId });
    await waitFor('the promise to be saved', () => boardA.allSaved() && boardB.allSaved());
    boardA.destroy();
    boardB.destroy();

    const open = async (name: string, api: typeof a, viewport: { width: number; height: number }) => {
      const person = await people.open(name, api, viewport);
      await person.page.goto(`/spaces/${spaceId}`);
      const ex = new ExercisePages(person.page);
      await ex.showCard();
      return Object.assign(person, { ex });
    };
    alex = await open('Alex', a, DESKTOP);
    sam = await open('Sam', b, PHONE);
    robin = await open('Robin', c, DESKTOP);
    for (const p of [alex, sam, robin]) await p.ex.card().waitFor();
  }, 120_000);

  afterAll(async () => {
    await people?.close();
    await browser?.close();
    await server?.stop();
  });

  it('together check-in: both join, answers revealed at once, finished, saved on the board', async () => {
    await alex.ex.card().screenshot({ path: `${ARTIFACTS}/ex-start-card-1280.png` });
    await sam.ex.card().screenshot({ path: `${ARTIFACTS}/ex-start-card-375.png` });
    await alex.ex.start('Together check-in');
    await alex.ex.readyStep().getByText('Take a moment').waitFor();
    await shot(alex, 'ex-ready-1280');

    // Everyone else gets the prompt, wherever they are on the page.
    await sam.ex.prompt().getByText('Alex started a together check-in').waitFor();
    await shot(sam, 'ex-join-prompt-375');
    await sam.ex.joinFromPrompt('Alex started a together check-in');
    await robin.ex.prompt().getByText('Alex started a together check-in').waitFor();
    await shot(robin, 'ex-join-prompt-1280');
    await robin.ex.joinFromPrompt('Alex started a together check-in');

    // The "ready?" step: nothing starts until both partners confirm; the counsellor only sees it.
    await alex.ex.ready('Sam');
    await sam.ex.readyStep().getByText('Alex is ready · waiting for you').waitFor();
    await shot(sam, 'ex-ready-375');
    await sam.ex.expectNoSideways();
    await robin.ex.readyStep().getByText('Alex is ready · waiting for Sam').waitFor();
    expect(await robin.ex.readyStep().getByRole('button', { name: 'I’m ready' }).count()).toBe(0);
    await shot(robin, 'ex-ready-counsellor-1280');
    expect(await alex.ex.view().getByRole('form', { name: 'Your check-in' }).count()).toBe(0);
    await sam.ex.ready();
    await alex.ex.view().getByRole('form', { name: 'Your check-in' }).waitFor();
    await shot(alex, 'ex-checkin-form-1280');
    await shot(sam, 'ex-checkin-form-375');
    await sam.ex.expectNoSideways();
    // The observer answers nothing and steers nothing.
    await robin.ex.view().getByText('You are observing').waitFor();
    expect(await robin.ex.view().getByRole('form', { name: 'Your check-in' }).count()).toBe(0);
    expect(await robin.ex.controls().count()).toBe(0);

    const answer = async (p: Person & { ex: ExercisePages }, mood: string, feeling: string, need: string) => {
      const form = p.ex.view().getByRole('form', { name: 'Your check-in' });
      await form.getByText(mood, { exact: true }).click();
      await form.getByRole('button', { name: feeling, exact: true }).click();
      await form.getByLabel('One thing that would help you today').fill(need);
      await form.getByRole('button', { name: 'Share' }).click();
    };
    await answer(alex, 'Good', 'hopeful', 'A slow breakfast together');
    await alex.ex.view().getByText('Waiting for: Sam').waitFor();
    await shot(alex, 'ex-checkin-waiting-1280');
    // Nobody sees Alex's answer before Sam has shared.
    expect(await sam.page.getByText('A slow breakfast together').count()).toBe(0);
    expect(await robin.page.getByText('A slow breakfast together').count()).toBe(0);

    // Sam pauses for both; Alex resumes.
    await sam.ex.pause();
    await alex.ex.waitPaused(true);
    await robin.ex.waitPaused(true);
    await alex.ex.resume();
    await sam.ex.waitPaused(false);

    // Sam reloads half-way and is back in the check-in, still to answer.
    await reloadAndRejoin(sam);
    await answer(sam, 'Low', 'tired', 'An early night');
    for (const p of [alex, sam, robin]) {
      await eventually(
        `both answers on ${p.name}’s screen`,
        async () =>
          (await p.ex.view().getByText('A slow breakfast together').count()) > 0 &&
          (await p.ex.view().getByText('An early night').count()) > 0,
      );
    }
    await shot(alex, 'ex-checkin-revealed-1280');
    await shot(sam, 'ex-checkin-revealed-375');
    await sam.ex.expectNoSideways();

    // "Finish check-in" completes it for everyone; "End exercise early" is a different, quieter control.
    await alex.ex.view().getByRole('button', { name: 'Finish check-in' }).click();
    for (const p of [alex, sam, robin]) await p.ex.waitDone('Together check-in: done');
    await shot(sam, 'ex-checkin-done-375');
    for (const p of [alex, sam, robin]) await p.ex.backToBoard();
    await alex.page.getByRole('region', { name: 'Check-ins', exact: true }).getByText('An early night').waitFor();
  });

  it('speaker and listener: two exchanges, paraphrase and confirm, with a pause and a reload', async () => {
    await alex.ex.start('Speaker and listener');
    await sam.ex.joinFromPrompt('Alex started a speaker–listener exercise');
    await robin.ex.joinFromPrompt('Alex started a speaker–listener exercise');
    await sam.ex.ready('Alex');
    await alex.ex.ready();
    await alex.ex.view().getByText('Your turn').waitFor();
    await shot(alex, 'ex-speaker-speaking-1280');
    await shot(sam, 'ex-speaker-listening-375');
    await sam.ex.expectNoSideways();

    await sam.ex.pause();
    await alex.ex.waitPaused(true);
    await alex.ex
      .view()
      .getByRole('timer', { name: /paused/ })
      .waitFor();
    await sam.ex.resume();
    await alex.ex.waitPaused(false);

    // Exchange 1: Alex speaks, Sam says back what he heard; not quite, so Sam tries again.
    await alex.ex.view().getByRole('button', { name: 'I’ve said what I wanted to say' }).click();
    await sam.ex.view().getByLabel('What I heard is…').fill('You would like more evenings without screens.');
    await shot(sam, 'ex-speaker-paraphrasing-375');
    await sam.ex.view().getByRole('button', { name: 'Send my paraphrase' }).click();
    await robin.ex.view().locator('blockquote', { hasText: 'You would like more evenings without screens.' }).waitFor();
    await shot(alex, 'ex-speaker-confirming-1280');
    // The paraphrase being read is not an "earlier" attempt: nothing is listed yet.
    for (const p of [alex, sam, robin])
      expect(
        await p.ex
          .view()
          .getByText(/Earlier attempts/)
          .count(),
      ).toBe(0);
    await alex.ex.view().getByLabel('Not quite — what I meant was…').fill('More than screens: one evening a week that is just ours.');
    await alex.ex.view().getByRole('button', { name: 'Not quite, try again' }).click();

    // Sam sees Alex's answer above the box for the next try, not folded away.
    const correction = sam.ex.view().getByTestId('sl-correction');
    await correction.getByText('Alex said: not quite. Try again in your own words.').waitFor();
    await correction.getByText('“More than screens: one evening a week that is just ours.”').waitFor();
    const [boxTop, correctionTop] = await Promise.all([
      sam.ex.view().getByLabel('What I heard is…').boundingBox(),
      correction.boundingBox(),
    ]);
    expect(correctionTop!.y).toBeLessThan(boxTop!.y);
    await sam.ex.view().getByText('Earlier attempts (1)').waitFor();
    await shot(sam, 'ex-speaker-not-quite-375');
    await robin.ex.view().getByTestId('sl-correction').getByText('Alex said: not quite.').waitFor();
    await alex.ex.view().getByTestId('sl-correction').getByText('You said: not quite.').waitFor();
    await shot(alex, 'ex-speaker-not-quite-1280');
    await sam.ex.expectNoSideways();

    await sam.ex.view().getByLabel('What I heard is…').fill('You want one evening a week that is just ours.');
    await sam.ex.view().getByRole('button', { name: 'Send my paraphrase' }).click();
    await alex.ex.view().locator('blockquote', { hasText: 'You want one evening a week that is just ours.' }).waitFor();
    expect(await alex.ex.view().getByTestId('sl-correction').count()).toBe(0);
    await alex.ex.view().getByText('Earlier attempts (1)').waitFor();
    await alex.ex.view().getByRole('button', { name: 'Yes, that’s what I meant' }).click();

    // Roles swap; Alex reloads in the middle and is taken back to the exercise.
    await sam.ex.view().getByText('Your turn').waitFor();
    await reloadAndRejoin(alex);
    await alex.ex.view().getByText('Sam’s turn').waitFor();
    await sam.ex.view().getByRole('button', { name: 'I’ve said what I wanted to say' }).click();
    await alex.ex.view().getByLabel('What I heard is…').fill('You need a quiet hour after work.');
    await alex.ex.view().getByRole('button', { name: 'Send my paraphrase' }).click();
    await sam.ex.view().getByRole('button', { name: 'Yes, that’s what I meant' }).click();
    for (const p of [alex, sam, robin]) await p.ex.waitDone('Speaker and listener: done');
    for (const p of [alex, sam, robin]) await p.ex.backToBoard();
  });

  it('question deck: draw, answer, either partner skips, pass the deck, finish', async () => {
    // Sam starts this one, on the phone.
    await sam.ex.start('Question deck');
    await alex.ex.joinFromPrompt('Sam started a question deck');
    await robin.ex.joinFromPrompt('Sam started a question deck');
    await sam.ex.ready('Alex');
    await alex.ex.ready();
    await sam.ex.view().getByRole('button', { name: 'Draw a card' }).click();
    const card = (p: Person & { ex: ExercisePages }) => p.ex.view().getByTestId('deck-card');
    await card(alex).waitFor();
    const question = (await card(sam).locator('.ex-card-text').textContent()) ?? '';
    expect(question.length).toBeGreaterThan(10);
    await robin.ex.view().getByText(question).waitFor();
    await shot(sam, 'ex-deck-card-375');
    await sam.ex.expectNoSideways();

    await alex.ex.view().getByLabel('Write your answer (optional)').fill('Our first trip to the sea.');
    await alex.ex.view().getByRole('button', { name: 'Save my answer' }).click();
    await sam.ex.view().getByText('Our first trip to the sea.').waitFor();
    await shot(alex, 'ex-deck-card-1280');

    // Alex pauses, Sam resumes; the counsellor reloads and is back.
    await alex.ex.pause();
    await sam.ex.waitPaused(true);
    await sam.ex.resume();
    await alex.ex.waitPaused(false);
    await reloadAndRejoin(robin);
    await robin.ex.view().getByText(question).waitFor();

    await sam.ex
      .view()
      .getByRole('button', { name: /Next card · Alex Morgan’s turn to draw|Next card · Alex’s turn to draw/ })
      .click();
    await alex.ex.view().getByText('Your turn to draw a card.').waitFor();
    await alex.ex.view().getByRole('button', { name: 'Draw a card' }).click();
    await card(sam).waitFor();
    // Either partner may skip a question: Sam skips the one Alex drew, and Alex draws again.
    await sam.ex.view().getByRole('button', { name: 'Skip this question' }).click();
    await alex.ex.view().getByRole('button', { name: 'Draw a card' }).click();
    await card(sam).waitFor();
    await sam.ex
      .view()
      .getByRole('button', { name: /^Next card/ })
      .click();
    await sam.ex.view().getByRole('button', { name: 'We’re done for today' }).click();
    for (const p of [alex, sam, robin]) await p.ex.waitDone('Question deck: done');
    for (const p of [alex, sam, robin]) await p.ex.backToBoard();
  });

  it('promise review: the promiser marks, the promisee confirms, the summary, finished', async () => {
    await alex.ex.start('Promise review');
    await sam.ex.joinFromPrompt('Alex started a promise review');
    await robin.ex.joinFromPrompt('Alex started a promise review');
    await alex.ex.ready('Sam');
    await sam.ex.ready();
    await alex.ex.view().getByText('Call when I land').waitFor();
    // The couple's first review: the intro does not speak of a last review that never was.
    for (const p of [alex, sam])
      await p.ex
        .view()
        .getByText(/^This is your first review, so we go through every promise/)
        .waitFor();
    expect(
      await alex.ex
        .view()
        .getByText(/since your last review/)
        .count(),
    ).toBe(0);
    await shot(alex, 'ex-review-mark-1280');
    await sam.ex.view().getByText('Waiting for Alex').waitFor();
    await sam.ex.expectNoSideways();

    await sam.ex.pause();
    await alex.ex.waitPaused(true);
    expect(await alex.ex.view().getByRole('button', { name: 'I kept it' }).isDisabled()).toBe(true);
    await sam.ex.resume();
    await alex.ex.waitPaused(false);

    await alex.ex.view().getByRole('button', { name: 'I kept it' }).click();
    await reloadAndRejoin(sam);
    await shot(sam, 'ex-review-confirm-375');
    await sam.ex.view().getByRole('button', { name: 'Confirm it was kept' }).click();
    // Who marked and who confirmed, in everyone's words (the counsellor's too).
    await robin.ex.view().getByText('Alex marked it kept. Sam confirmed.', { exact: true }).waitFor();
    await alex.ex.view().getByRole('button', { name: 'See the summary' }).click();
    await sam.ex.view().getByRole('heading', { name: 'What we reviewed' }).waitFor();
    await shot(sam, 'ex-review-summary-375');
    await sam.ex.expectNoSideways();
    await sam.ex.view().getByRole('button', { name: 'Finish review' }).click();
    for (const p of [alex, sam, robin]) await p.ex.waitDone('Promise review: done');
    await shot(alex, 'ex-review-done-1280');
    for (const p of [alex, sam, robin]) await p.ex.backToBoard();
    await sam.ex.expectNoSideways();
  });

  it('promise review of a new couple: the first says why it is empty; the next looks back on a promise kept this week', async () => {
    const couple = await makeCouple(server.baseUrl);
    const open = async (name: string, api: typeof couple.a, viewport: { width: number; height: number }) => {
      const person = await people.open(name, api, viewport);
      await person.page.goto(`/spaces/${couple.space.id}`);
      const ex = new ExercisePages(person.page);
      await ex.showCard();
      await ex.card().waitFor();
      return Object.assign(person, { ex });
    };
    const alex2 = await open('Alex-new', couple.a, DESKTOP);
    const sam2 = await open('Sam-new', couple.b, PHONE);
    const review = async (readyStep = true) => {
      await alex2.ex.start('Promise review');
      await sam2.ex.joinFromPrompt('Alex started a promise review');
      if (!readyStep) return;
      await alex2.ex.ready('Sam');
      await sam2.ex.ready();
    };

    // Nothing was ever promised: the first review says so, not "since the last review", and
    // opens straight on "nothing to review" — nobody presses "I'm ready" for nothing.
    await review(false);
    const first = 'This is your first promise review, and no accepted promise has come due or been marked yet.';
    for (const p of [alex2, sam2]) {
      await p.ex.view().getByRole('heading', { name: 'Nothing to review' }).waitFor();
      await p.ex.view().getByText(first).waitFor();
      expect(await p.ex.readyStep().count()).toBe(0);
      expect(await p.ex.view().getByRole('button', { name: 'I’m ready' }).count()).toBe(0);
    }
    await shot(alex2, 'ex-review-first-empty-1280');
    await shot(sam2, 'ex-review-first-empty-375');
    await sam2.ex.view().getByRole('button', { name: 'Finish review' }).click();
    for (const p of [alex2, sam2]) await p.ex.waitDone('Promise review: done');
    for (const p of [alex2, sam2]) await p.ex.backToBoard();

    // A weekly promise, kept this week and confirmed on the board after that review.
    const boardA = connectClient(server.wsBase, `couple:${couple.space.id}`, { cookie: couple.a.cookie, origin: server.baseUrl });
    const boardB = connectClient(server.wsBase, `couple:${couple.space.id}`, { cookie: couple.b.cookie, origin: server.baseUrl });
    await waitFor('the boards to sync', () => boardA.provider.synced && boardB.provider.synced);
    const partners = [couple.a.user!.id, couple.b.user!.id];
    const A = { userId: partners[0]!, partnerIds: partners };
    const B = { userId: partners[1]!, partnerIds: partners };
    const weekly = createPromise(boardA.doc, A, { text: 'Cook on Sundays', promiseeId: B.userId, cadence: { type: 'weekly' } });
    await waitFor('the promise to reach Sam', () => boardB.doc.getMap('items').has(weekly));
    acceptPromise(boardB.doc, B, { itemId: weekly });
    await waitFor('the acceptance to reach Alex', () => readItemOfKind(boardA.doc, weekly, 'promise').status === 'accepted');
    markPromise(boardA.doc, A, { itemId: weekly, outcome: 'kept' });
    await waitFor('the mark to reach Sam', () => Object.keys(readItemOfKind(boardB.doc, weekly, 'promise').outcomes).length === 1);
    confirmPromise(boardB.doc, B, { itemId: weekly });
    await waitFor('the confirmation to be saved', () => boardB.allSaved());
    boardA.destroy();
    boardB.destroy();

    // The next review has it, settled already: they look back on it and move on.
    await review();
    await alex2.ex.view().getByText('Cook on Sundays').waitFor();
    await alex2.ex
      .view()
      .getByText(/^We go through the promises that came due since your last review/)
      .waitFor();
    await alex2.ex.view().getByText('You marked it kept. Sam confirmed.', { exact: true }).waitFor();
    await sam2.ex.view().getByText('Alex marked it kept. You confirmed.', { exact: true }).waitFor();
    await shot(alex2, 'ex-review-kept-1280');
    await shot(sam2, 'ex-review-kept-375');
    await sam2.ex.expectNoSideways();
    await alex2.ex.view().getByRole('button', { name: 'See the summary' }).click();
    await sam2.ex.view().getByRole('heading', { name: 'What we reviewed' }).waitFor();
    await sam2.ex.view().getByRole('button', { name: 'Finish review' }).click();
    for (const p of [alex2, sam2]) await p.ex.waitDone('Promise review: done');
    await alex2.context.close();
    await sam2.context.close();
  });

  it('promise review of a missed promise: renegotiated only once the partner confirms the miss', async () => {
    // Sam promised Alex; both on a 1280 px screen.
    const couple = await makeCouple(server.baseUrl);
    const boardA = connectClient(server.wsBase, `couple:${couple.space.id}`, { cookie: couple.a.cookie, origin: server.baseUrl });
    const boardB = connectClient(server.wsBase, `couple:${couple.space.id}`, { cookie: couple.b.cookie, origin: server.baseUrl });
    await waitFor('the boards to sync', () => boardA.provider.synced && boardB.provider.synced);
    const partners = [couple.a.user!.id, couple.b.user!.id];
    const today = new Date().toISOString().slice(0, 10);
    const promiseId = createPromise(
      boardB.doc,
      { userId: partners[1]!, partnerIds: partners },
      { text: 'Walk the dog every morning', promiseeId: partners[0]!, cadence: { type: 'once', dueDate: today } },
    );
    // A second one, also missed: a draft typed for the first must not follow the review to it.
    const secondId = createPromise(
      boardB.doc,
      { userId: partners[1]!, partnerIds: partners },
      { text: 'Water the plants on Fridays', promiseeId: partners[0]!, cadence: { type: 'once', dueDate: today } },
    );
    await waitFor(
      'the promises to reach Alex',
      () => boardA.doc.getMap('items').has(promiseId) && boardA.doc.getMap('items').has(secondId),
    );
    for (const itemId of [promiseId, secondId]) acceptPromise(boardA.doc, { userId: partners[0]!, partnerIds: partners }, { itemId });
    await waitFor('the promises to be saved', () => boardA.allSaved() && boardB.allSaved());
    boardA.destroy();
    boardB.destroy();

    const open = async (name: string, api: typeof couple.a) => {
      const person = await people.open(name, api, DESKTOP);
      await person.page.goto(`/spaces/${couple.space.id}`);
      const ex = new ExercisePages(person.page);
      await ex.card().waitFor();
      return Object.assign(person, { ex });
    };
    const alex3 = await open('Alex-miss', couple.a);
    const sam3 = await open('Sam-miss', couple.b);
    await alex3.ex.start('Promise review');
    await sam3.ex.joinFromPrompt('Alex started a promise review');
    await alex3.ex.ready('Sam');
    await sam3.ex.ready();

    const renegotiate = (p: typeof sam3) => p.ex.view().getByRole('textbox', { name: 'Renegotiate: a promise that fits better' });
    const makeNew = (p: typeof sam3) => p.ex.view().getByRole('button', { name: 'Make a new promise' });
    const alerts = async (p: typeof sam3) => (await p.ex.view().getByRole('alert').allTextContents()).join(' ');

    await sam3.ex.view().getByRole('button', { name: 'I missed it' }).click();
    // Until Alex confirms the miss, the server would refuse a renegotiation: it is not offered.
    for (const [p, marked] of [
      [alex3, 'Sam marked it missed.'],
      [sam3, 'You marked it missed.'],
    ] as const) {
      await p.ex.view().getByText(marked, { exact: true }).waitFor();
      expect(await renegotiate(p).count()).toBe(0);
      expect(await makeNew(p).count()).toBe(0);
      expect(await alerts(p)).toBe('');
    }
    await sam3.ex.view().getByText('Waiting for Alex to confirm. Then either of you can renegotiate it.').waitFor();
    await alex3.ex.view().getByText('Once you confirm, either of you can renegotiate it.').waitFor();
    await shot(sam3, 'ex-review-missed-unconfirmed-1280');

    await alex3.ex.view().getByRole('button', { name: 'Confirm it was missed' }).click();
    await sam3.ex.view().getByText('You marked it missed. Alex confirmed.', { exact: true }).waitFor();
    // Alex starts a draft of their own, then Sam's new promise settles this one.
    await renegotiate(alex3).fill('Half a thought for the first promise');
    await renegotiate(sam3).fill('Walk the dog on weekday mornings');
    await makeNew(sam3).click();
    await renegotiate(sam3).waitFor({ state: 'detached' });
    await renegotiate(alex3).waitFor({ state: 'detached' });
    for (const p of [alex3, sam3]) expect(await alerts(p)).toBe('');
    await shot(sam3, 'ex-review-renegotiated-1280');

    // The second promise: missed and confirmed, and Alex's field starts empty.
    await alex3.ex.view().getByRole('button', { name: 'Next promise' }).click();
    for (const p of [alex3, sam3])
      await p.ex
        .view()
        .getByText(/^Promise 2 of 2/)
        .waitFor();
    await sam3.ex.view().getByRole('button', { name: 'I missed it' }).click();
    await alex3.ex.view().getByRole('button', { name: 'Confirm it was missed' }).click();
    for (const [p, settled] of [
      [alex3, 'Sam marked it missed. You confirmed.'],
      [sam3, 'You marked it missed. Alex confirmed.'],
    ] as const) {
      await p.ex.view().getByText(settled, { exact: true }).waitFor();
      expect(await renegotiate(p).inputValue()).toBe('');
    }
    await shot(alex3, 'ex-review-second-promise-1280');

    await alex3.ex.view().getByRole('button', { name: 'See the summary' }).click();
    for (const p of [alex3, sam3])
      await p.ex
        .view()
        .getByText(/renegotiated: “Walk the dog on weekday mornings”/)
        .waitFor();
    await sam3.ex.view().getByRole('button', { name: 'Finish review' }).click();
    for (const p of [alex3, sam3]) await p.ex.waitDone('Promise review: done');
    await alex3.context.close();
    await sam3.context.close();
  });

  it('ending early is its own, confirmed step, and says so to everyone', async () => {
    await alex.ex.start('Together check-in');
    // The board is one key away too, and the card beside it brings the exercise back.
    await alex.page.keyboard.press('Escape');
    await alex.ex.view().waitFor({ state: 'detached' });
    await alex.ex.card().getByRole('button', { name: 'Join' }).click();
    await sam.ex.joinFromPrompt('Alex started a together check-in');
    await robin.ex.prompt().waitFor();
    await shot(alex, 'ex-end-early-1280');
    // Either partner may end while the other is still to say they are ready.
    await alex.ex.ready('Sam');
    await sam.ex.endEarly();
    for (const p of [alex, sam]) await p.ex.waitDone('Together check-in was ended early');
    // Robin never joined: the prompt goes away by itself.
    await robin.ex.prompt().waitFor({ state: 'detached' });
    expect(await robin.ex.card().getByRole('button', { name: 'Join' }).count()).toBe(0);
    await alex.ex.backToBoard();
    await alex.ex.card().getByRole('button', { name: 'Start together check-in' }).waitFor();
  });

  it('a partner deletes one ended exercise from the history, after confirming; the counsellor cannot', async () => {
    const history = (p: Person & { ex: ExercisePages }) => p.ex.card().locator('details.ex-history');
    await history(alex).locator('summary').click();
    const items = history(alex).locator('li');
    await eventually('the past exercises to load', async () => (await items.count()) >= 5);
    const before = await items.count();
    const deletes = history(alex).getByRole('button', { name: /^Delete Question deck of / });
    expect(await deletes.count()).toBe(1);
    await shot(alex, 'ex-history-1280');

    // Cancelling keeps it; confirming in the in-app dialog deletes it for both partners.
    await deletes.click();
    const dialog = alex.page.getByRole('dialog', { name: 'Delete this question deck?' });
    await dialog.waitFor();
    await shot(alex, 'ex-history-confirm-1280');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await items.count()).toBe(before);
    await deletes.click();
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await eventually('the deck to leave Alex’s history', async () => (await items.count()) === before - 1);
    expect(await history(alex).getByText('Question deck').count()).toBe(0);

    // Sam still has the ended check-in of the last journey open.
    if ((await sam.ex.view().count()) > 0) await sam.ex.backToBoard();
    // On Sam's phone the exercises are their own section of the bottom navigation.
    await showSection(sam.page, 'Together');
    await history(sam).locator('summary').click();
    await eventually(
      'the deck to be gone from Sam’s history too',
      async () =>
        (await history(sam).locator('li').count()) === before - 1 && (await history(sam).getByText('Question deck').count()) === 0,
    );
    await history(sam).screenshot({ path: `${ARTIFACTS}/ex-history-375.png` });
    await sam.ex.expectNoSideways();

    // The counsellor reads what was shared with them, with nothing to delete.
    await history(robin).locator('summary').click();
    await history(robin).locator('li').first().waitFor();
    expect(
      await history(robin)
        .getByRole('button', { name: /^Delete/ })
        .count(),
    ).toBe(0);
  });

  it('a view that cannot be shown still offers End exercise and Leave', async () => {
    // Sam opens a second screen whose exercise states arrive damaged (data emptied on the way
    // in), so the speaker–listener view throws while rendering.
    const damaged = await people.open('Sam-damaged', undefined, DESKTOP);
    const cookie = (await sam.context.cookies())[0]!;
    await damaged.context.addCookies([cookie]);
    await damaged.page.routeWebSocket(/\/socket\.io\//, (ws) => {
      const server = ws.connectToServer();
      server.onMessage((message) => ws.send(typeof message === 'string' ? emptyExerciseData(message) : message));
    });
    await damaged.page.goto(`/spaces/${spaceId}`);
    const ex = new ExercisePages(damaged.page);
    await ex.card().waitFor();

    await alex.ex.start('Speaker and listener');
    await ex.joinFromPrompt('Alex started a speaker–listener exercise');
    // The "ready?" step shows nothing from the damaged data; the exercise proper does.
    await alex.ex.ready('Sam');
    await ex.ready();
    const broken = ex.view().getByRole('alert').filter({ hasText: 'could not be shown' });
    await broken.waitFor();
    await damaged.page.screenshot({ path: `${ARTIFACTS}/ex-broken-view-1280.png` });
    await broken.getByRole('button', { name: 'Leave' }).click();
    await ex.view().waitFor({ state: 'detached' });
    await ex.card().getByRole('button', { name: 'Join' }).click();
    await broken.getByRole('button', { name: 'End exercise' }).click();
    await alex.ex.waitDone('Speaker and listener was ended early');
    await alex.ex.backToBoard();

    // The failure was reported on that screen's console, and nowhere else.
    const expected = people.errors.filter((e) => e.startsWith('Sam-damaged:'));
    expect(expected.some((e) => e.includes('the exercise view failed'))).toBe(true);
    people.forgetErrors(/^Sam-damaged:/);
    await damaged.context.close();
  });
});

/** Socket.io frames of exercise states (events `42…`, acks `43<id>…`) with their `data` emptied. */
function emptyExerciseData(frame: string): string {
  const match = /^(42|43\d+)(\[.*)$/s.exec(frame);
  if (!match) return frame;
  const packet = JSON.parse(match[2]!) as unknown[];
  for (const part of packet) {
    const holder = part as { state?: { data?: unknown } } | null;
    if (holder && typeof holder === 'object' && holder.state && typeof holder.state === 'object') holder.state.data = {};
  }
  return match[1]! + JSON.stringify(packet);
}
