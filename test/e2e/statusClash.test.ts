import { copyFileSync, mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { eventually, screenshot } from './browser';
import { PHONE } from './people';
import { SpacePage } from './pages/SpacePage';
import { browserJourney } from './journeySetUp';

// Two partners set a plan's status at the same moment (Sam offline, so the two changes are
// concurrent for certain). The merge keeps one of them (which one depends on the two
// connections, so the journey accepts either); whoever's change was replaced is told on their
// board, and the other partner sees no notice. Idea → Planned and Idea → Dropped are chosen so
// that the server accepts either result (Planned → Dropped is a legal step; a result the server
// refuses is already rolled back and explained by the refusal notice).
const journey = browserJourney('status-clash-failure');

const PLAN = 'Pottery class';
const TEXT = { planned: 'Planned', dropped: 'Dropped' } as const;

describe('two partners set a plan status at once', { timeout: 120_000 }, () => {
  it('tells the partner whose status was replaced', async () => {
    const { alex, sam, samPerson } = await journey.coupleOnBoard();

    await alex.addExperience(PLAN);
    await sam.item(PLAN).waitFor();
    await alex.openDetails(PLAN);
    await sam.openDetails(PLAN);
    const status = (page: SpacePage) => page.item(PLAN).getByLabel('Status', { exact: true });

    // Sam is offline: Alex plans it while Sam drops it.
    await samPerson.context.setOffline(true);
    await eventually('Sam to see Offline', async () => (await sam.connectionState().textContent()) === 'Offline');
    await status(alex).selectOption({ label: 'Planned' });
    await alex.waitSaved();
    await status(sam).selectOption({ label: 'Dropped' });
    expect(await status(sam).inputValue()).toBe('dropped');
    // Neither has been told anything yet.
    expect(await alex.page.getByTestId('toast').count()).toBe(0);
    expect(await sam.page.getByTestId('toast').count()).toBe(0);

    await samPerson.context.setOffline(false);
    await sam.waitLive();
    let kept = '';
    await eventually('both boards to agree on one status', async () => {
      kept = await status(alex).inputValue();
      return kept === (await status(sam).inputValue()) && (kept === 'planned' || kept === 'dropped');
    });
    const [winner, loser, winnerName] = kept === 'planned' ? [alex, sam, 'Alex'] : [sam, alex, 'Sam'];
    const [theirs, mine] = kept === 'planned' ? [TEXT.planned, TEXT.dropped] : [TEXT.dropped, TEXT.planned];

    const notice = loser.page.getByTestId('toast').filter({ hasText: 'was replaced' });
    await notice.waitFor({ timeout: 5_000 });
    expect(await notice.textContent()).toContain(
      `${winnerName} set the status of “${PLAN}” to “${theirs}” at the same time — yours (“${mine}”) was replaced.`,
    );
    expect(await winner.page.getByTestId('toast').count()).toBe(0);
    expect(await alex.page.getByTestId('refusal-notice').count()).toBe(0);
    expect(await sam.page.getByTestId('refusal-notice').count()).toBe(0);

    const out = '/tmp/uiclash';
    mkdirSync(out, { recursive: true });
    copyFileSync(await screenshot(loser.page, '31-status-replaced'), `${out}/status-replaced-1280.png`);
    await loser.page.setViewportSize(PHONE);
    await screenshot(loser.page, '31-status-replaced-phone');
    // On a phone the notice sits above the bottom navigation, readable in full.
    const toastBox = await notice.boundingBox();
    const navBox = await loser.page.getByRole('navigation', { name: 'Space sections' }).boundingBox();
    expect(toastBox && navBox && toastBox.y + toastBox.height <= navBox.y).toBe(true);
    await loser.page.screenshot({ path: `${out}/status-replaced-375.png` });

    // Going offline on purpose makes Chromium log the failed socket reconnects; nothing else may.
    journey.people.assertNoErrors(/ERR_INTERNET_DISCONNECTED/);
  });
});
