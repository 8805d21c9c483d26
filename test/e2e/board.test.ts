import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server';
import { ARTIFACTS, eventually, launchBrowser, screenshot } from './browser';
import { AuthPages } from './pages/AuthPages';
import { SpacePage } from './pages/SpacePage';
import { showSection } from './pages/SpaceSections';
import { expectAccessible } from './axe';

// Two partners (Alex and Sam) in two browser contexts, and later a counsellor (Robin), all on
// the real server with the built client (npm run build -w client first).
const PASSWORD = 'correct horse battery staple';
const run = Date.now().toString(36);

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
let alex: SpacePage;
let sam: SpacePage;
let spaceId: string;

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  return context.newPage();
}

/** REST call with the page's session cookie, as the app itself would make it. */
async function apiPost(page: Page, path: string, body: unknown) {
  const response = await page.request.post(`${server.baseUrl}${path}`, {
    data: body,
    headers: { Origin: server.baseUrl, 'Content-Type': 'application/json' },
  });
  expect(response.status(), `${path}: ${await response.text()}`).toBeLessThan(300);
  return response.json().catch(() => null) as Promise<unknown>;
}

async function valueOf(page: SpacePage, item: string, field: string): Promise<string> {
  return page.textOf(item, field);
}

// The steps build on each other: after the first failure the rest are skipped, not timed out.
let failed = false;

describe('the shared board in two browsers', { timeout: 90_000 }, () => {
  beforeEach((ctx) => {
    if (failed) ctx.skip();
  });
  afterEach((ctx) => {
    if (ctx.task.result?.state === 'fail') failed = true;
    // Honest clients never hit a refusal of the board's rules.
    else expect(server.hearth.collab.refusals(), 'updates the server refused').toBe(0);
  });

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    alex = new SpacePage(await newPage());
    sam = new SpacePage(await newPage());
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('signs up, creates a space, invites the partner, who accepts', async () => {
    await alex.page.goto('/');
    await alex.page.getByRole('link', { name: 'Create your space' }).first().click();
    await new AuthPages(alex.page).signup('Alex Morgan', `alex-${run}@example.com`, PASSWORD);
    await screenshot(alex.page, '01-spaces-empty');
    spaceId = await alex.createSpace('Alex & Sam');
    const inviteUrl = await alex.inviteUrl('partner');
    expect(inviteUrl).toMatch(/\/invite\/[A-Za-z0-9_-]+$/);

    await sam.page.goto(new URL(inviteUrl).pathname);
    await screenshot(sam.page, '02-invite-logged-out');
    await sam.page.getByRole('link', { name: 'Create an account' }).click();
    await new AuthPages(sam.page).signup('Sam Rivera', `sam-${run}@example.com`, PASSWORD);
    await sam.page.waitForURL(/\/invite\//);
    await sam.acceptInvite();
    expect(sam.spaceId()).toBe(spaceId);
    await sam.waitLive();
    // No reload: the server tells Alex's page that the space changed.
    await eventually(
      'Alex to see Sam join',
      async () => (await alex.page.getByRole('region', { name: 'People' }).getByText('Sam Rivera').count()) === 1,
    );
    await alex.waitLive();
  });

  it('A adds a promise and B sees it', async () => {
    await alex.addPromise('Cook dinner together on Sundays');
    await sam.item('Cook dinner together on Sundays').waitFor({ timeout: 15_000 });
    await alex.waitSaved();
    await screenshot(sam.page, '03-partner-sees-promise');
  });

  it('B accepts; A marks it kept once and the card says so instead of asking again; B confirms', async () => {
    const title = 'Cook dinner together on Sundays';
    await sam.item(title).getByRole('button', { name: 'Accept', exact: true }).click();
    const markKept = alex.item(title).getByRole('button', { name: 'Mark kept' });
    await markKept.click();
    // The buttons give way to the mark: the same week cannot be marked kept twice.
    const markOf = (page: SpacePage) => page.item(title).getByTestId('promise-mark');
    await markOf(alex).getByText('Kept this week · waiting for Sam Rivera to confirm').waitFor();
    expect(await markKept.count()).toBe(0);
    expect(await alex.item(title).getByRole('button', { name: 'Mark missed' }).count()).toBe(0);
    await alex.item(title).getByRole('button', { name: 'Change to missed' }).waitFor();
    await alex.item(title).screenshot({ path: `${ARTIFACTS}/promise-kept-1280.png` });
    await markOf(sam).getByText('Kept this week · waiting for you to confirm').waitFor();

    // Sam's "What's new" says it once, and stops asking once Sam has confirmed.
    const marked = sam.page
      .getByTestId('activity-panel')
      .locator('.activity-text', { hasText: /^Alex Morgan marked “Cook dinner together on Sundays” kept/ });
    await marked.first().waitFor();
    expect(await marked.allTextContents()).toEqual(['Alex Morgan marked “Cook dinner together on Sundays” kept — confirm?']);
    await sam.item(title).getByRole('button', { name: 'Confirm kept' }).click();
    await markOf(alex).getByText('Kept this week · confirmed by Sam Rivera').waitFor();
    await markOf(sam).getByText('Kept this week · confirmed by you').waitFor();
    expect(
      await alex
        .item(title)
        .getByRole('button', { name: /^(Mark|Change to)/ })
        .count(),
    ).toBe(0);
    await eventually(
      'the mark to stop asking Sam',
      async () => (await marked.allTextContents()).join('|') === 'Alex Morgan marked “Cook dinner together on Sundays” kept',
    );

    // The history says each step once, its period written like the card's other dates.
    await alex
      .item(title)
      .getByRole('button', { name: /^History/ })
      .click();
    const lines = await alex.item(title).locator('.history-list li').allTextContents();
    expect(lines.filter((l) => l.includes('marked it kept'))).toHaveLength(1);
    expect(lines.find((l) => l.includes('marked it kept'))).toMatch(
      /marked it kept for the week of [A-Z][a-z]{2}, [A-Z][a-z]{2} \d{1,2}, \d{4} · /,
    );
    expect(lines.join('\n')).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    await alex.item(title).screenshot({ path: `${ARTIFACTS}/promise-history-1280.png` });
    await sam.page.setViewportSize({ width: 375, height: 800 });
    await sam.item(title).screenshot({ path: `${ARTIFACTS}/promise-confirmed-375.png` });
    await sam.page.setViewportSize({ width: 1280, height: 900 });
  });

  it('both type into the same field at once and end with the same text', async () => {
    await alex.addExperience('Weekend in the hills');
    await sam.item('Weekend in the hills').waitFor();
    await alex.openDetails('Weekend in the hills');
    await sam.openDetails('Weekend in the hills');
    const notesA = await alex.edit('Weekend in the hills', 'Notes');
    const notesB = await sam.edit('Weekend in the hills', 'Notes');
    await Promise.all([alex.page.keyboard.type('bring boots ', { delay: 25 }), sam.page.keyboard.type('book the cabin ', { delay: 25 })]);
    await eventually('both note fields to agree', async () => (await notesA.inputValue()) === (await notesB.inputValue()));
    const text = await notesA.inputValue();
    expect(text).toContain('bring boots ');
    expect(text).toContain('book the cabin ');
    await screenshot(alex.page, '04-concurrent-typing');
  });

  it('shows who is editing a card', async () => {
    await sam.edit('Weekend in the hills', 'Where');
    await eventually(
      'Alex to see that Sam is editing',
      async () => (await alex.item('Weekend in the hills').getByTestId('editing-badge').textContent())?.includes('Sam Rivera') === true,
    );
    await eventually(
      'Alex to see where Sam is on the board',
      async () => (await alex.page.getByLabel('Who is here').getByText('Sam Rivera, on Experiences').count()) === 1,
    );
  });

  it('says where the partner went when they leave the board sections for another view', async () => {
    const here = alex.page.getByLabel('Who is here');
    const samOn = async (where: string) => (await here.getByText(`Sam Rivera, on ${where}`).count()) === 1;
    await eventually('Alex to see Sam on Experiences', () => samOn('Experiences'));

    await sam.page.getByRole('navigation', { name: 'Space views' }).getByRole('link', { name: 'Our journey' }).click();
    await sam.page.getByTestId('journey').waitFor();
    await eventually(
      'Alex to see Sam on the journey, no longer on Experiences',
      async () => !(await samOn('Experiences')) && (await samOn('Our journey')),
      5_000,
    );
    await screenshot(alex.page, '05-partner-on-journey-1280');

    // On a phone, People is a view of its own.
    await sam.page.setViewportSize({ width: 375, height: 800 });
    await showSection(sam.page, 'People');
    await eventually('Alex to see Sam on People', () => samOn('People'), 5_000);
    await alex.page.setViewportSize({ width: 375, height: 800 });
    await screenshot(alex.page, '05-partner-on-people-375');
    await alex.page.setViewportSize({ width: 1280, height: 900 });

    // Back on the board, no view is named until Sam reaches a section again.
    await showSection(sam.page, 'Board');
    await sam.page.setViewportSize({ width: 1280, height: 900 });
    await eventually('Alex to see Sam back on the board', async () => (await here.getByText(/^Sam Rivera, on /).count()) === 0, 5_000);
    await sam.openDetails('Weekend in the hills');
    await sam.edit('Weekend in the hills', 'Where');
    await eventually('Alex to see Sam on Experiences again', () => samOn('Experiences'), 5_000);
  });

  it('B goes offline, edits, reconnects, and both converge', async () => {
    await sam.page.context().setOffline(true);
    await eventually('Sam to see Offline', async () => (await sam.connectionState().textContent()) === 'Offline');
    await sam.edit('Weekend in the hills', 'Where');
    await sam.page.keyboard.type('Lake District');
    await alex.edit('Weekend in the hills', 'Notes');
    await alex.page.keyboard.press('End');
    await alex.page.keyboard.type('and maps');
    await screenshot(sam.page, '05-offline-editing');
    expect(await sam.saveState().textContent()).not.toBe('All changes saved');
    expect(await alex.textOf('Weekend in the hills', 'Where')).toBe('');

    await sam.page.context().setOffline(false);
    await sam.waitLive();
    await eventually(
      'Alex to receive the offline edit',
      async () => (await alex.textOf('Weekend in the hills', 'Where')) === 'Lake District',
    );
    await eventually('Sam to receive Alex’s edit', async () => (await valueOf(sam, 'Weekend in the hills', 'Notes')).includes('and maps'));
    await sam.waitSaved();
    await alex.waitSaved();
  });

  it('a reload keeps everything', async () => {
    const before = await valueOf(alex, 'Weekend in the hills', 'Notes');
    await alex.page.reload();
    await alex.item('Cook dinner together on Sundays').waitFor();
    await alex.openDetails('Weekend in the hills');
    await eventually('the notes to come back', async () => (await valueOf(alex, 'Weekend in the hills', 'Notes')) === before);
    expect(await valueOf(alex, 'Weekend in the hills', 'Where')).toBe('Lake District');
    await screenshot(alex.page, '06-after-reload');
  });

  it('undo undoes only your own edit', async () => {
    const whereB = () => sam.textOf('Weekend in the hills', 'Where');
    const whereA = await alex.edit('Weekend in the hills', 'Where');
    await alex.page.keyboard.press('End');
    await alex.page.keyboard.type(', Cumbria');
    await eventually('Sam to see Alex’s edit', async () => (await whereB()) === 'Lake District, Cumbria');
    await sam.edit('Weekend in the hills', 'Notes');
    await sam.page.keyboard.press('End');
    await sam.page.keyboard.type(' + snacks');
    await eventually('Alex to see Sam’s edit', async () => (await valueOf(alex, 'Weekend in the hills', 'Notes')).endsWith(' + snacks'));

    await whereA.click();
    await alex.page.keyboard.press('Control+z');
    await eventually(
      'Alex’s edit to be undone for both',
      async () => (await whereA.inputValue()) === 'Lake District' && (await whereB()) === 'Lake District',
    );
    expect(await valueOf(alex, 'Weekend in the hills', 'Notes')).toMatch(/ \+ snacks$/);
    expect(await valueOf(sam, 'Weekend in the hills', 'Notes')).toMatch(/ \+ snacks$/);

    await alex.page.keyboard.press('Control+Shift+z');
    await eventually('redo to restore it', async () => (await whereB()) === 'Lake District, Cumbria');
  });

  it('reorders with the keyboard, filters and archives', async () => {
    await alex.addPromise('Text when running late');
    const labels = async (page: SpacePage) =>
      page
        .section('Promises')
        .getByTestId('item')
        .evaluateAll((cards) => cards.map((c) => c.getAttribute('aria-label')));
    await eventually('Sam to see the second promise', async () => (await labels(sam)).length === 2);
    expect(await labels(sam)).toEqual(['Cook dinner together on Sundays', 'Text when running late']);

    // Text reads as text; its "edit" button is where the keyboard lands on a card.
    await alex.item('Text when running late').getByRole('button', { name: 'Edit promise' }).focus();
    await alex.page.keyboard.press('Alt+ArrowUp');
    await eventually('the new order to reach Sam', async () => (await labels(sam))[0] === 'Text when running late');

    await sam.page.getByText('Mine', { exact: true }).click();
    await eventually('Sam’s own filter to hide Alex’s promises', async () => (await labels(sam)).length === 0);
    await sam.page.getByText('Partner’s', { exact: true }).click();
    await eventually('the partner filter to show them', async () => (await labels(sam)).length === 2);
    await sam.page.getByText('Everyone', { exact: true }).click();

    await alex.menu('Text when running late', 'Archive');
    await eventually(
      'the archived promise to leave Sam’s active board',
      async () => (await labels(sam)).join() === 'Cook dinner together on Sundays',
    );
    await sam.page.getByRole('group', { name: 'Filter the board' }).getByLabel('Status').selectOption({ label: 'Archived' });
    await eventually('it to show under Archived', async () => (await labels(sam)).join() === 'Text when running late');
    await screenshot(sam.page, '07-archived-filter');
    await sam.page.getByRole('group', { name: 'Filter the board' }).getByLabel('Status').selectOption({ label: 'Active' });
  });

  it('plans the steps of an experience together', async () => {
    const plan = 'Weekend in the hills';
    await alex.openDetails(plan);
    await sam.openDetails(plan);
    // Pressed with nothing typed, the button says why in a neutral hint, not in an error colour.
    const addStep = alex.item(plan).getByRole('button', { name: 'Add step' });
    const hint = alex.item(plan).getByText('Type the step first.');
    // The hint's colour, and the app's muted ink measured on a probe beside it.
    const colours = () =>
      hint.evaluate((el) => {
        const doc = el.ownerDocument;
        const probe = doc.createElement('span');
        probe.style.color = 'var(--ink-muted)';
        doc.body.append(probe);
        const view = doc.defaultView!;
        const result = { hint: view.getComputedStyle(el).color, muted: view.getComputedStyle(probe).color };
        probe.remove();
        return result;
      });
    await addStep.click({ force: true }); // aria-disabled: it stays pressable, to say why
    await hint.waitFor();
    expect(await colours().then((c) => c.hint === c.muted)).toBe(true);
    await screenshot(alex.page, 'board-step-hint-1280');
    await alex.page.setViewportSize({ width: 375, height: 800 });
    await addStep.click({ force: true }); // aria-disabled: it stays pressable, to say why
    await hint.waitFor();
    expect(await colours().then((c) => c.hint === c.muted)).toBe(true);
    await screenshot(alex.page, 'board-step-hint-375');
    await alex.page.setViewportSize({ width: 1280, height: 900 });
    await alex.item(plan).getByPlaceholder('Add a step').fill('Book the train');
    await addStep.click();
    const samStep = sam.item(plan).getByRole('textbox', { name: 'Step', exact: true });
    await eventually('Sam to see the step', async () => (await samStep.inputValue()) === 'Book the train');
    // Once a step was added, the earlier press is forgotten: no alert waits beside the emptied field.
    expect(await alex.item(plan).getByRole('alert').filter({ hasText: 'Type the step first.' }).count()).toBe(0);
    await samStep.click();
    await sam.page.keyboard.press('End');
    await sam.page.keyboard.type(' tickets');
    await sam
      .item(plan)
      .getByRole('checkbox', { name: /^Done: / })
      .check();
    await eventually(
      'Alex to see the step edited and done',
      async () =>
        (await alex.item(plan).getByRole('textbox', { name: 'Step', exact: true }).inputValue()) === 'Book the train tickets' &&
        (await alex
          .item(plan)
          .getByRole('checkbox', { name: /^Done: / })
          .isChecked()),
    );
    expect(await alex.item(plan).getByText('1/1 steps', { exact: false }).count()).toBe(1);
  });

  it('adds a card the partner acknowledges, a check-in and an appreciation', async () => {
    const cards = sam.section('Needs & boundaries');
    await cards.getByRole('button', { name: 'Add card' }).click();
    const form = cards.getByRole('form', { name: 'New card' });
    await form.getByLabel('Kind of card').selectOption('boundary');
    await form.getByLabel('In my own words').fill('I need an hour alone after work');
    await form.getByRole('button', { name: 'Add card' }).click();
    const onAlex = alex.item('I need an hour alone after work');
    await onAlex.waitFor();
    // Sam's card reads as text on Alex's board, with no way to edit it.
    await onAlex.getByText('I need an hour alone after work', { exact: true }).waitFor();
    expect(await onAlex.getByRole('button', { name: 'Edit statement' }).count()).toBe(0);
    expect(await sam.item('I need an hour alone after work').getByRole('button', { name: 'Edit statement' }).count()).toBe(1);
    // The edit controls read as a sentence: "I" stays a capital.
    expect(
      await sam
        .item('I need an hour alone after work')
        .getByRole('button', { name: 'Edit what I’d ask you to avoid', exact: true })
        .count(),
    ).toBe(1);
    await onAlex.getByRole('button', { name: 'I understand' }).click();
    await eventually(
      'Sam to see the acknowledgement',
      async () =>
        (await sam
          .item('I need an hour alone after work')
          .getByText(/Alex Morgan understood this/)
          .count()) === 1,
    );

    const checkins = alex.section('Check-ins');
    await checkins.getByRole('button', { name: 'Check in', exact: true }).click();
    await checkins.getByText('Good', { exact: true }).click();
    await checkins.getByLabel('Feeling words').fill('hopeful, tired');
    await checkins.getByLabel('One thing I need today').fill('an early night');
    // A check-in starts as "only me"; Alex shares this one.
    expect(await checkins.getByLabel('Who can see this').inputValue()).toBe('private');
    await checkins.getByLabel('Who can see this').selectOption('couple');
    await checkins.getByRole('button', { name: 'Save check-in' }).click();
    await eventually(
      'Sam to see the check-in',
      async () => (await sam.section('Check-ins').getByText('Today I need: an early night').count()) === 1,
    );

    const thanks = sam.section('Appreciations');
    await thanks.getByRole('button', { name: 'Add appreciation' }).click();
    await thanks.getByLabel(/Thank you, Alex Morgan, for…/).fill('making soup when I was ill');
    await thanks.getByRole('button', { name: 'Send appreciation' }).click();
    await alex.item('making soup when I was ill').waitFor();
    await alex.waitSaved();
    await screenshot(alex.page, '08-every-kind');
    await expectAccessible(alex.page, 'the board with every kind of item');
  });

  it('the partner who received an appreciation answers it with a heart and a reply', async () => {
    const onAlex = alex.item('making soup when I was ill');
    expect(await sam.item('making soup when I was ill').getByRole('button', { name: /Heart/ }).count()).toBe(0);
    await onAlex.getByRole('button', { name: 'Heart' }).click();
    await onAlex.getByRole('button', { name: 'Reply' }).click();
    await onAlex.getByRole('textbox', { name: 'Your reply to Sam Rivera' }).fill('Any time. ♥');
    await onAlex.getByRole('button', { name: 'Send reply' }).click();
    const onSam = sam.item('making soup when I was ill');
    await eventually(
      'Sam to see the heart and the reply',
      async () =>
        (await onSam.getByText('Alex Morgan loved this').count()) === 1 &&
        (await onSam.getByTestId('appreciation-reply').textContent()) === 'Alex Morgan: Any time. ♥',
    );
    await screenshot(sam.page, '08-appreciation-answered');
  });

  it('deletes a plan after an in-app confirmation, and brings it back from the toast', async () => {
    const plan = 'Weekend in the hills';
    const notes = await sam.textOf(plan, 'Notes');
    await alex.menu(plan, 'Delete…');
    const dialog = alex.page.getByRole('dialog', { name: 'Delete this experience?' });
    await dialog.waitFor();
    await screenshot(alex.page, '12-delete-dialog');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await dialog.count()).toBe(0);
    expect(await alex.item(plan).count()).toBe(1);

    await alex.menu(plan, 'Delete…');
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await eventually(
      'the plan to leave both boards',
      async () => (await sam.item(plan).count()) === 0 && (await alex.item(plan).count()) === 0,
    );
    const toast = alex.page.getByTestId('toast');
    expect(await toast.textContent()).toContain(`Deleted the experience “${plan}”.`);
    await screenshot(alex.page, '13-undo-toast');
    await toast.getByRole('button', { name: 'Undo' }).click();
    await eventually(
      'the plan to come back for Sam, notes and all',
      async () => (await sam.item(plan).count()) === 1 && (await sam.textOf(plan, 'Notes')) === notes,
    );
    await alex.waitSaved();
  });

  it('a counsellor sees the "us + counsellor" items read-only and not the others', async () => {
    await alex.addPromise('Walk after dinner', 'Us + counsellor');
    const inviteUrl = await alex.inviteUrl('counsellor');
    const robin = new SpacePage(await newPage());
    await robin.page.goto(new URL(inviteUrl).pathname);
    await robin.page.getByRole('link', { name: 'Create an account' }).click();
    await new AuthPages(robin.page).signup('Robin Hale', `robin-${run}@example.com`, PASSWORD);
    await robin.page.waitForURL(/\/invite\//);
    await robin.acceptInvite();
    const me = (await (await robin.page.request.get(`${server.baseUrl}/api/me`)).json()) as { user: { id: string } };

    for (const partner of [alex, sam]) {
      await apiPost(partner.page, `/api/spaces/${spaceId}/counsellors/${me.user.id}/consent`, { granted: true });
    }
    // No reload for Robin: consent opens the board live, and a reload would make it two visits.
    await alex.page.reload();
    await alex.item('Walk after dinner').waitFor();
    await alex.waitLive();
    await screenshot(alex.page, '09-partner-with-counsellor');
    await robin.item('Walk after dinner').waitFor({ timeout: 15_000 });
    await robin.waitLive();
    expect(await robin.item('Walk after dinner').getByRole('button', { name: 'Edit promise' }).count()).toBe(0);
    expect(await robin.textOf('Walk after dinner', 'Promise')).toBe('Walk after dinner');
    expect(await robin.item('Cook dinner together on Sundays').count()).toBe(0);
    expect(await robin.item('Weekend in the hills').count()).toBe(0);
    expect(await robin.page.getByRole('button', { name: 'Add promise' }).count()).toBe(0);
    // Never a device copy for a counsellor: no switch, and nothing stored.
    expect(await robin.page.getByLabel('Keep a copy on this device').count()).toBe(0);
    expect(
      await robin.page.evaluate<boolean>(
        `indexedDB.databases().then((dbs) => dbs.some((d) => d.name === 'hearth-copies' || d.name.startsWith('hearth:')))`,
      ),
    ).toBe(false);
    await screenshot(robin.page, '09-counsellor-read-only');
    // Partners see the counsellor here, as an observer.
    await eventually(
      'Alex to see Robin observing',
      async () => (await alex.page.getByLabel('Who is here').getByText('Robin Hale, observing').count()) === 1,
    );
    // The counsellor, too, sees where a partner is once they leave the board sections.
    const samViews = sam.page.getByRole('navigation', { name: 'Space views' });
    const robinSees = async (text: string | RegExp) => (await robin.page.getByLabel('Who is here').getByText(text).count()) === 1;
    await samViews.getByRole('link', { name: 'Our journey' }).click();
    await eventually('Robin to see Sam on the journey', () => robinSees('Sam Rivera, on Our journey'), 5_000);
    await samViews.getByRole('link', { name: 'Board' }).click();
    await eventually('Robin to see Sam back on the board', async () => !(await robinSees(/^Sam Rivera, on /)), 5_000);

    // The partners' access log shows the visit as it happens, in words (each entry is pushed).
    const log = sam.page.getByTestId('audit-log');
    await eventually(
      'Sam to see Robin’s visit in the access log',
      async () => (await log.getByText(/^Robin Hale viewed the shared board · .+ \(still open\)$/).count()) === 1,
      20_000,
    );

    // Leaving while the request cannot reach Hearth: Robin is told, and stays in the space.
    await robin.page.route('**/api/spaces/*/leave', (route) => route.abort('internetdisconnected'));
    await robin.page.getByRole('button', { name: 'Leave this space' }).click();
    await robin.page.getByRole('dialog', { name: 'Leave this space?' }).getByRole('button', { name: 'Leave space' }).click();
    await robin.page.getByTestId('leave-error').getByText('Cannot reach Hearth').waitFor();
    expect(new URL(robin.page.url()).pathname).toContain(spaceId);
    await robin.page.unroute('**/api/spaces/*/leave');

    // Either partner may withdraw consent; the counsellor's live view closes for good.
    await apiPost(alex.page, `/api/spaces/${spaceId}/counsellors/${me.user.id}/consent`, { granted: false });
    await eventually(
      'Robin’s view of the board to close',
      async () =>
        (await robin.item('Walk after dinner').count()) === 0 &&
        (await robin.page.getByText(/access to this board has ended|no longer shared with you|Your access to .* ended/).count()) > 0,
    );
    await screenshot(robin.page, '10-counsellor-access-ended');
    await eventually(
      'the visit to show as one session with its length',
      async () => (await log.getByText(/^Robin Hale viewed the shared board · .+ \((under 1 min|\d+ min)\)$/).count()) === 1,
      45_000,
    );
    expect(await log.getByText(/document\.|space:/).count()).toBe(0);
    await screenshot(sam.page, '10-access-log');
  });

  it('fits a 375 px phone screen', async () => {
    await alex.page.setViewportSize({ width: 375, height: 800 });
    await alex.item('Walk after dinner').waitFor();
    // A string, evaluated in the page: the test workspace has no DOM types.
    const overflow = await alex.page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(alex.page, '11-phone');
    await expectAccessible(alex.page, 'the board at 375 px');
    await alex.page.evaluate('window.scrollTo(0, 0)');
    await alex.page.screenshot({ path: `${ARTIFACTS}/11-phone-top.png` });
  });

  it('keeps a copy on the device only when asked, and deletes it at logout', async () => {
    // One encrypted record per shared board (never the "only me" board): see docs/privacy.md.
    const copies = (page: Page) =>
      page.evaluate<string[]>(`indexedDB.databases().then((dbs) => dbs.some((d) => d.name === 'hearth-copies')
        ? new Promise((resolve) => { const r = indexedDB.open('hearth-copies'); r.onsuccess = () => {
            const k = r.result.transaction('docs').objectStore('docs').getAllKeys();
            k.onsuccess = () => { r.result.close(); resolve(k.result.map(String)); }; }; })
        : [])`);
    expect(await copies(sam.page)).toEqual([]);
    await sam.page.getByLabel('Keep a copy on this device').check();
    await eventually('the board to be stored in IndexedDB', async () => (await copies(sam.page)).length === 2);
    expect((await copies(sam.page)).some((k) => k.includes('private:'))).toBe(false);
    await new AuthPages(sam.page).logout();
    await eventually('every copy to be deleted', async () => (await copies(sam.page)).length === 0);
    expect(await sam.page.evaluate<number>(`Object.keys(localStorage).filter((k) => k.startsWith('hearth:keep-copy')).length`)).toBe(0);
  });
});
