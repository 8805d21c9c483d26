import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { makeCoupleWithCounsellor, type ApiClient } from '../helpers/api';
import { ExercisePlayer } from '../helpers/exercisePlayer';
import { startTestServer, type TestServer } from '../helpers/server';
import { eventually, launchBrowser, screenshot } from './browser';
import { JourneyPage } from './pages/JourneyPage';
import { SpacePage } from './pages/SpacePage';
import { DESKTOP, PHONE, People, type Person } from './people';
import { seedJourney } from './journeySeed';

// Alex and Sam (partners) and their counsellor, each in their own browser context, on the
// real server and embedded database with the built client (npm run build -w client first).
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let server: TestServer;
let browser: Browser;
let people: People;
let spaceId: string;
let ids: { alex: string; sam: string };
let couple: Awaited<ReturnType<typeof makeCoupleWithCounsellor>>;
let seeded: Awaited<ReturnType<typeof seedJourney>>;
let alex: Person;
let sam: Person;
let samJourney: JourneyPage;
let counsellor: JourneyPage;

/** No serious or critical axe-core violations in the journey view. */
async function expectAccessible(page: Page, label: string): Promise<void> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    // The test package has no DOM types; this is what runs in the page.
    const page = globalThis as unknown as {
      axe: {
        run(
          context: unknown,
          options: object,
        ): Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: unknown }> }> }>;
      };
      document: { querySelector(selector: string): unknown };
    };
    const result = await page.axe.run(page.document.querySelector('[data-testid="journey"]'), { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)),
    }));
  });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious, `${label}: ${JSON.stringify(serious, null, 1)}`).toEqual([]);
}

async function openJourney(person: Person): Promise<JourneyPage> {
  await person.page.goto(`/spaces/${spaceId}/journey`);
  const view = new JourneyPage(person.page);
  await view.root().waitFor({ timeout: 20_000 });
  return view;
}

let failed = false;

describe('our journey in three browsers', { timeout: 90_000 }, () => {
  beforeEach((ctx) => {
    if (failed) ctx.skip();
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') {
      failed = true;
      await people.screenshotAll(`journey-failure-${ctx.task.name.slice(0, 30).replace(/\W+/g, '-')}`);
    }
  });

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    people = new People(browser, server.baseUrl);
    couple = await makeCoupleWithCounsellor(server.baseUrl);
    spaceId = couple.space.id;
    ids = { alex: couple.a.user!.id, sam: couple.b.user!.id };
    seeded = await seedJourney(spaceId, ids.alex, ids.sam);
    alex = await people.open('Alex', couple.a as ApiClient);
    sam = await people.open('Sam', couple.b as ApiClient);
    const robin = await people.open('Counsellor', couple.c as ApiClient);
    counsellor = await openJourney(robin);
  }, 120_000);

  afterAll(async () => {
    await people?.close();
    await browser?.close();
    await server?.stop();
  });

  it('a partner sees the journey of everything both of them can open', async () => {
    samJourney = await openJourney(sam);
    await eventually(
      'the basis to count what Sam can open',
      async () => (await samJourney.text(samJourney.basis())) === `Built from ${seeded.bothSee} items you both see and 1 exercise.`,
    );
    expect(await samJourney.text(samJourney.summaryOf(`promises-${ids.alex}`))).toBe(
      'Alex: 2 kept, 0 renegotiated, 1 not this time, 0 waiting.',
    );
    expect(await samJourney.text(samJourney.summaryOf('moods'))).toMatch(/^Check-ins on 4 days in the last 12 weeks; /);
    // Charts have their numbers as a table too.
    const card = sam.page.getByTestId(`promises-${ids.alex}`);
    await card.getByRole('button', { name: 'Show as table' }).click();
    expect(await card.getByRole('table').getByRole('row').count()).toBe(13);
    await card.getByRole('button', { name: 'Show as chart' }).click();
    people.assertNoErrors();
  });

  it('updates live while Alex marks a promise kept and Sam confirms it', async () => {
    const alexBoard = new SpacePage(alex.page);
    await alex.page.goto(`/spaces/${spaceId}`);
    await alexBoard.waitLive();
    const dinner = alexBoard.item('Cook dinner together on Sundays');
    await dinner.getByRole('button', { name: 'Mark kept' }).click();
    const alexPromises = samJourney.summaryOf(`promises-${ids.alex}`);
    await eventually(
      'Sam’s open journey to show the mark as waiting',
      async () => (await samJourney.text(alexPromises)) === 'Alex: 2 kept, 0 renegotiated, 1 not this time, 1 waiting.',
    );

    // Sam confirms on the board in a second tab; the journey tab follows without a reload.
    const samBoardPage = await sam.context.newPage();
    people.watch('Sam (board tab)', samBoardPage);
    await samBoardPage.goto(`/spaces/${spaceId}`);
    const samBoard = new SpacePage(samBoardPage);
    await samBoard.waitLive();
    await samBoard.item('Cook dinner together on Sundays').getByRole('button', { name: 'Confirm kept' }).click();
    await eventually(
      'Sam’s open journey to count the confirmed period as kept',
      async () => (await samJourney.text(alexPromises)) === 'Alex: 3 kept, 0 renegotiated, 1 not this time, 0 waiting.',
    );
    await samBoardPage.close();

    // Alex checks in on the board: Sam's open journey gains a day on the mood lines.
    const checkins = alexBoard.section('Check-ins');
    await checkins.getByRole('button', { name: 'Check in' }).click();
    const today = checkins.getByRole('form', { name: 'Today’s check-in' });
    await today.getByText('Good', { exact: true }).click();
    await today.getByLabel('One thing I need today').fill('a slow morning');
    // A check-in starts as "only me"; Alex shares this one with Sam.
    await today.getByLabel('Who can see this').selectOption('couple');
    await today.getByRole('button', { name: 'Save check-in' }).click();
    await eventually('Sam’s open journey to show Alex’s check-in', async () =>
      (await samJourney.text(samJourney.summaryOf('moods'))).startsWith('Check-ins on 5 days in the last 12 weeks;'),
    );
    people.assertNoErrors();
  });

  it('a counsellor sees only “us + counsellor” figures', async () => {
    await eventually('the counsellor’s basis', async () =>
      (await counsellor.text(counsellor.basis())).startsWith(`Built from ${seeded.sharedWithCounsellor} items the couple shares with you`),
    );
    // The dinner promise lives in "us": the counsellor's view has none of Alex's promises.
    expect(await counsellor.text(counsellor.summaryOf(`promises-${ids.alex}`))).toBe('Alex has no promise periods here yet.');
    expect(await counsellor.text(counsellor.summaryOf(`promises-${ids.sam}`))).toBe(
      'Sam: 3 kept, 0 renegotiated, 0 not this time, 0 waiting.',
    );
    expect(await counsellor.text(counsellor.summaryOf('moods'))).toBe(
      'Check-ins on 3 days in the last 12 weeks; Alex’s mood ranged from 3 to 4 and Sam’s mood ranged from 2 to 4.',
    );
    await expect(counsellor.page.getByRole('checkbox', { name: 'Keep my mood line from our counsellor' }).count()).resolves.toBe(0);
    // Words for the one reading: the counsellor observed no exercise and is not urged to start one.
    expect(await counsellor.text(counsellor.page.getByTestId('communication-lead'))).toBe(
      'No results from exercises you observed in the last 12 weeks.',
    );
    expect(await counsellor.text(counsellor.summaryOf('appreciations'))).toBe('Sam wrote 1 appreciation to Alex in the last 12 weeks.');
    people.assertNoErrors();
  });

  it('Sam keeps their mood line from the counsellor, and the counsellor’s view follows live', async () => {
    await sam.page.getByRole('checkbox', { name: 'Keep my mood line from our counsellor' }).check();
    await eventually(
      'Sam to be told where the check-ins went',
      async () => (await sam.page.getByRole('status').filter({ hasText: 'moved from' }).count()) === 1,
    );
    await eventually(
      'the counsellor to lose Sam’s mood line',
      async () =>
        (await counsellor.text(counsellor.summaryOf('moods'))) ===
        'Check-ins on 3 days in the last 12 weeks; Alex’s mood ranged from 3 to 4; Sam keeps their mood line between the two of them.',
    );
    // The check-ins left the document the server serves to the counsellor.
    await eventually('the counsellor’s basis to drop Sam’s check-ins', async () =>
      (await counsellor.text(counsellor.basis())).startsWith(`Built from ${seeded.sharedWithCounsellor - seeded.samCheckinsShared} items`),
    );
    // Sam still sees both lines.
    expect(await samJourney.text(samJourney.summaryOf('moods'))).toMatch(/your mood ranged from 2 to 4/);
    people.assertNoErrors();
  });

  it('passes axe-core and is readable at 1280 and 375 px (screenshots)', async () => {
    await samJourney.range('4 weeks');
    await expectAccessible(sam.page, 'Sam 1280');
    await screenshot(sam.page, 'journey-partner-1280');
    await screenshot(counsellor.page, 'journey-counsellor-1280');
    await sam.page.setViewportSize(PHONE);
    await counsellor.page.setViewportSize(PHONE);
    await expectAccessible(sam.page, 'Sam 375');
    await expectAccessible(counsellor.page, 'counsellor 375');
    await screenshot(sam.page, 'journey-partner-375');
    await screenshot(counsellor.page, 'journey-counsellor-375');
    // Nothing wider than the phone's screen.
    const overflow = await sam.page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await sam.page.setViewportSize(DESKTOP);
    await sam.page.emulateMedia({ media: 'print' });
    await screenshot(sam.page, 'journey-partner-print');
    await sam.page.emulateMedia({ media: 'screen' });
    people.assertNoErrors();
  });

  it('speaks to every couple and to the counsellor, in the board’s words, counting only what happened', async () => {
    await samJourney.range('12 weeks');
    // No assumption that trust was broken, for the partners or the counsellor.
    const seed = 'Closeness grows in small steps — with patience, time and space. Each of them counts here.';
    expect(await samJourney.text(sam.page.getByTestId('journey-seed'))).toBe(seed);
    expect(await counsellor.text(counsellor.page.getByTestId('journey-seed'))).toBe(seed);
    for (const view of [samJourney, counsellor]) expect(await view.text(view.root())).not.toMatch(/Trust grows back|gentle start/);

    // Only Sam wrote an appreciation: it says who wrote it to whom.
    expect(await samJourney.text(samJourney.summaryOf('appreciations'))).toBe('You wrote 1 appreciation to Alex in the last 12 weeks.');

    // The kinds of closeness read as on the board's chips (one definition).
    const journeyKinds = await sam.page.getByTestId('closeness').locator('.jr-balance-label').allInnerTexts();
    const board = new SpacePage(alex.page);
    await alex.page.goto(`/spaces/${spaceId}`);
    await board.waitLive();
    await board.openDetails('Sunrise hike');
    const chips = await board.item('Sunrise hike').getByRole('group', { name: 'Closeness it feeds' }).getByRole('button').allInnerTexts();
    expect(journeyKinds).toEqual(chips);
    expect(chips).toEqual(['Mind', 'Doing things', 'Meaning', 'Touch']);
    expect(await samJourney.text(samJourney.summaryOf('closeness'))).toBe(
      'Closeness fed by the experiences done: doing things 1, touch 1; mind and meaning could be next.',
    );

    // One deck question answered, and a promise review that reviewed nothing.
    const [pa, pb] = [
      await new ExercisePlayer(server.baseUrl, couple.a.cookie, 'Alex').connected(),
      await new ExercisePlayer(server.baseUrl, couple.b.cookie, 'Sam').connected(),
    ];
    try {
      for (const p of [pa, pb]) expect((await p.emit('exercise:join', { spaceId })).ok).toBe(true);
      const deck = await pa.startWith(pb, { spaceId, kind: 'question_deck', options: { themes: ['appreciation'] } });
      await pa.act(deck.sessionId, 'draw');
      await pa.act(deck.sessionId, 'answer', { text: 'The way you make tea' });
      await pb.act(deck.sessionId, 'answer');
      await pb.act(deck.sessionId, 'next');
      await pa.act(deck.sessionId, 'end');
      // Walked to the end without marking or renegotiating anything.
      let review = await pa.startWith(pb, { spaceId, kind: 'promise_review', options: { since: new Date().toISOString() } });
      for (let step = 0; step < 5 && review.phase !== 'ended'; step++) review = await pa.act(review.sessionId, 'next');
      expect(review).toMatchObject({ phase: 'ended', endedReason: 'completed' });
    } finally {
      pa.close();
      pb.close();
    }
    await eventually(
      'Sam’s journey to count the deck',
      async () => (await samJourney.text(samJourney.summaryOf('deck-themes'))) === '1 deck question answered, across 1 theme.',
    );
    const held = sam.page.getByTestId('exercises-held');
    expect(await held.locator('div').filter({ hasText: 'Promise reviews' }).locator('dd').innerText()).toBe('0');
    await screenshot(sam.page, 'journey-words-partner-1280');
    await sam.page.setViewportSize(PHONE);
    await screenshot(sam.page, 'journey-words-partner-375');
    await counsellor.page.setViewportSize(PHONE);
    await screenshot(counsellor.page, 'journey-words-counsellor-375');
    await counsellor.page.setViewportSize(DESKTOP);
    await screenshot(counsellor.page, 'journey-words-counsellor-1280');
    people.assertNoErrors();
  });
});
