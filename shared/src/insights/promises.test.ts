import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { acceptPromise, confirmPromise, createPromise, markPromise, readBoard, renegotiatePromise, setArchived } from '../board';
import { ALICE, BOB, alice, at, bob } from '../../../test/helpers/boardActors';
import { computeJourney } from './computeJourney';
import { inputOf } from './fixtures';
import { keepRateSummary, promiseSummary, streakSummary } from './summaries';

/** Alice promises a weekly walk on 2026-01-05 (a Monday); Bob accepts. */
function weeklyWalk(doc: Y.Doc): string {
  const id = createPromise(
    doc,
    alice,
    { text: 'A walk together', promiseeId: BOB, cadence: { type: 'weekly' } },
    at('2026-01-05T09:00:00Z'),
  );
  acceptPromise(doc, bob, { itemId: id }, at('2026-01-05T10:00:00Z'));
  return id;
}

function settle(doc: Y.Doc, id: string, period: string, outcome: 'kept' | 'missed', confirm = true): void {
  markPromise(doc, alice, { itemId: id, outcome, period }, at(`${period}T20:00:00Z`));
  if (confirm) confirmPromise(doc, bob, { itemId: id, period }, at(`${period}T21:00:00Z`));
}

describe('promises in the journey', () => {
  it('counts only confirmed outcomes as kept or missed; an unconfirmed mark is waiting', () => {
    const doc = new Y.Doc();
    const id = weeklyWalk(doc);
    settle(doc, id, '2026-01-05', 'kept');
    settle(doc, id, '2026-01-12', 'missed');
    settle(doc, id, '2026-01-19', 'kept', false);
    const j = computeJourney(inputOf({ couple: doc }, '2026-01-25T12:00:00Z'));
    expect(j.promises.totals).toEqual({ kept: 1, missed: 1, waiting: 1, renegotiated: 0 });
    expect(j.promises.byPerson[ALICE]).toEqual(j.promises.totals);
    expect(j.promises.byPerson[BOB]).toBeUndefined();
    const weeks = Object.fromEntries(j.promises.buckets.map((b) => [b.key, b.byPerson[ALICE]]));
    expect(weeks['2026-01-05']?.kept).toBe(1);
    expect(weeks['2026-01-12']?.missed).toBe(1);
    expect(weeks['2026-01-19']?.waiting).toBe(1);
    expect(promiseSummary(j)).toBe('You kept 1 of 2 promise periods in the last 4 weeks; 1 is waiting for confirmation.');
  });

  it('totals over everything equal the outcomes the board holds, archived promises included', () => {
    const doc = new Y.Doc();
    const walk = weeklyWalk(doc);
    const call = createPromise(
      doc,
      bob,
      { text: 'Call when late', promiseeId: ALICE, cadence: { type: 'daily' } },
      at('2026-01-05T09:00:00Z'),
    );
    acceptPromise(doc, alice, { itemId: call }, at('2026-01-05T09:30:00Z'));
    const outcomes: Array<[string, 'kept' | 'missed']> = [
      ['2026-01-05', 'kept'],
      ['2026-01-12', 'kept'],
      ['2026-01-19', 'missed'],
      ['2026-01-26', 'kept'],
    ];
    for (const [period, outcome] of outcomes) settle(doc, walk, period, outcome);
    for (let d = 5; d <= 20; d++) {
      const period = `2026-01-${String(d).padStart(2, '0')}`;
      markPromise(doc, bob, { itemId: call, outcome: d % 4 === 0 ? 'missed' : 'kept', period }, at(`${period}T20:00:00Z`));
      confirmPromise(doc, alice, { itemId: call, period }, at(`${period}T21:00:00Z`));
    }
    setArchived(doc, alice, { itemId: walk, archived: true }, at('2026-02-01T00:00:00Z'));
    const j = computeJourney(inputOf({ couple: doc }, '2026-02-02T12:00:00Z', { range: 'all' }));
    // What the board holds, counted independently of the journey code.
    let kept = 0;
    let missed = 0;
    for (const item of readBoard(doc).items) {
      if (item.kind !== 'promise') continue;
      for (const o of Object.values(item.outcomes)) {
        if (o.outcome === 'kept') kept++;
        else missed++;
      }
    }
    expect(kept + missed).toBe(20);
    expect(j.promises.totals.kept).toBe(kept);
    expect(j.promises.totals.missed).toBe(missed);
    expect(j.basis.items).toBe(2);
    const sumOfBuckets = j.promises.buckets.reduce((n, b) => n + Object.values(b.byPerson).reduce((m, c) => m + c.kept + c.missed, 0), 0);
    expect(sumOfBuckets).toBe(20);
  });

  it('shows a renegotiation as a repair on the day it happened, not as a miss', () => {
    const doc = new Y.Doc();
    const id = createPromise(
      doc,
      alice,
      { text: 'Home by seven', promiseeId: BOB, cadence: { type: 'once', dueDate: '2026-01-09' } },
      at('2026-01-05T09:00:00Z'),
    );
    acceptPromise(doc, bob, { itemId: id }, at('2026-01-05T10:00:00Z'));
    renegotiatePromise(doc, bob, { itemId: id, text: 'Home by eight on Fridays' }, at('2026-01-08T18:00:00Z'));
    const j = computeJourney(inputOf({ couple: doc }, '2026-01-10T12:00:00Z'));
    expect(j.promises.totals).toEqual({ kept: 0, missed: 0, waiting: 0, renegotiated: 1 });
    expect(j.promises.buckets.find((b) => b.key === '2026-01-05')?.byPerson[ALICE]?.renegotiated).toBe(1);
    expect(j.timeline.map((m) => m.kind)).toEqual(['repair']);
    expect(promiseSummary(j)).toContain('1 promise was renegotiated — a repair');
  });

  it('compares with the window before and computes the 12-week keep-rate trend', () => {
    const doc = new Y.Doc();
    const id = weeklyWalk(doc);
    // Weeks of January: missed, missed, kept, kept; February: kept ×4.
    const weeks = ['2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26', '2026-02-02', '2026-02-09', '2026-02-16', '2026-02-23'];
    weeks.forEach((w, i) => settle(doc, id, w, i < 2 ? 'missed' : 'kept'));
    const j = computeJourney(inputOf({ couple: doc }, '2026-02-27T12:00:00Z'));
    expect(j.promises.previous).toEqual({ kept: 2, settled: 4 });
    expect(promiseSummary(j)).toBe('You kept 4 of 4 promise periods in the last 4 weeks, up from 2 of 4 the 4 weeks before.');
    expect(j.promises.keepRate).toHaveLength(12);
    expect(j.promises.keepRate.at(-1)).toMatchObject({ key: '2026-02-23', kept: 1, settled: 1, rate: 1 });
    expect(j.promises.keepRate.find((p) => p.key === '2026-01-05')?.rate).toBe(0);
    expect(keepRateSummary(j)).toBe('Over the last 12 weeks the keep rate went from 0% in the first six weeks to 100% in the last six.');
  });

  it('tracks streaks of kept recurring promises, broken by a miss', () => {
    const doc = new Y.Doc();
    const id = weeklyWalk(doc);
    ['2026-01-05', '2026-01-12', '2026-01-19'].forEach((w) => settle(doc, id, w, 'kept'));
    settle(doc, id, '2026-01-26', 'missed');
    ['2026-02-02', '2026-02-09'].forEach((w) => settle(doc, id, w, 'kept'));
    const j = computeJourney(inputOf({ couple: doc }, '2026-02-11T12:00:00Z'));
    expect(j.promises.streaks).toEqual([
      { promiseId: id, text: 'A walk together', promiserId: ALICE, cadence: 'weekly', current: 2, best: 3 },
    ]);
    expect(streakSummary(j)).toBe('“A walk together” has been kept 2 weeks in a row.');
    // Weeks later without a mark, the run is no longer current but the best remains.
    const later = computeJourney(inputOf({ couple: doc }, '2026-03-20T12:00:00Z'));
    expect(later.promises.streaks[0]).toMatchObject({ current: 0, best: 3 });
  });
});
