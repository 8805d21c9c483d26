import { addDays, periodOf, weekStartOf, type BoardItemOf } from '../board';
import { emptyBuckets, type InsightContext } from './context';
import { dateInZone, dayIndex, inWindow, mondayOf } from './time';
import type { KeepRatePoint, OutcomeCounts, PromiseBucket, PromiseInsights, Streak } from './types';

type PromiseItem = BoardItemOf<'promise'>;

export function zeroCounts(): OutcomeCounts {
  return { kept: 0, missed: 0, waiting: 0, renegotiated: 0 };
}

/** kept / missed only once the partner confirmed the mark; before that it is waiting. */
export function outcomeState(o: PromiseItem['outcomes'][string]): keyof OutcomeCounts {
  if (o.confirmedAt === null) return 'waiting';
  return o.outcome;
}

/** The day a promise was renegotiated, in the couple's calendar. */
export function renegotiatedOn(p: PromiseItem, timeZone: string): string | null {
  if (p.status !== 'renegotiated') return null;
  const entry = [...p.history].reverse().find((h) => h.action === 'renegotiated');
  return dateInZone(entry?.at ?? p.statusChangedAt, timeZone);
}

const STREAK_LIMIT = 5;

/** Consecutive confirmed kept periods of a recurring promise: the current run and the best. */
export function streakOf(p: PromiseItem, today: string): Streak | null {
  if (p.cadence.type === 'once') return null;
  const step = p.cadence.type === 'daily' ? 1 : 7;
  const periods = Object.keys(p.outcomes).sort();
  let run = 0;
  let best = 0;
  let prev: string | null = null;
  let lastKept: string | null = null;
  for (const period of periods) {
    const o = p.outcomes[period]!;
    if (o.confirmedAt === null) continue; // waiting neither breaks nor extends a run
    if (o.outcome === 'kept') {
      run = prev !== null && lastKept === prev && dayIndex(period) - dayIndex(prev) === step ? run + 1 : 1;
      lastKept = period;
      best = Math.max(best, run);
    } else {
      run = 0;
    }
    prev = period;
  }
  // A run is current while its last kept period is this period or the one before.
  const current = lastKept !== null && prev === lastKept && lastKept >= addDays(periodOf(p.cadence, today), -step) ? run : 0;
  if (best < 2) return null;
  return { promiseId: p.id, text: p.text, promiserId: p.promiserId, cadence: p.cadence.type, current, best };
}

/** Every recurring promise's streak (at least two kept in a row), unsorted. */
export function streaksOf(promises: readonly PromiseItem[], today: string): Streak[] {
  const out: Streak[] = [];
  for (const p of promises) {
    const streak = streakOf(p, today);
    if (streak) out.push(streak);
  }
  return out;
}

export function promiseInsights(ctx: InsightContext): PromiseInsights {
  const { window: w, timeZone, today } = ctx;
  const buckets = emptyBuckets<PromiseBucket>(w, (key) => ({ key, byPerson: {} }));
  const totals = zeroCounts();
  const byPerson: Record<string, OutcomeCounts> = {};
  const previous = w.previous ? { kept: 0, settled: 0 } : null;
  const rateFrom = addDays(weekStartOf(today), -7 * 11);
  const keepRate: KeepRatePoint[] = Array.from({ length: 12 }, (_, i) => ({
    key: addDays(rateFrom, 7 * i),
    kept: 0,
    settled: 0,
    rate: null,
  }));
  const rateAt = new Map(keepRate.map((p) => [p.key, p]));

  const add = (person: string, date: string, state: keyof OutcomeCounts) => {
    const bucket = buckets.at(date);
    if (!bucket) return;
    (bucket.byPerson[person] ??= zeroCounts())[state] += 1;
    (byPerson[person] ??= zeroCounts())[state] += 1;
    totals[state] += 1;
  };

  for (const p of ctx.promises) {
    for (const [period, o] of Object.entries(p.outcomes)) {
      const state = outcomeState(o);
      add(p.promiserId, period, state);
      if (state === 'waiting') continue;
      if (previous && w.previous && inWindow(period, w.previous)) {
        previous.settled += 1;
        if (state === 'kept') previous.kept += 1;
      }
      const point = period <= today ? rateAt.get(mondayOf(period)) : undefined;
      if (point) {
        point.settled += 1;
        if (state === 'kept') point.kept += 1;
      }
    }
    const renegotiated = renegotiatedOn(p, timeZone);
    if (renegotiated) add(p.promiserId, renegotiated, 'renegotiated');
  }
  for (const point of keepRate) point.rate = point.settled > 0 ? point.kept / point.settled : null;

  const streaks = [...ctx.streaks]
    .sort((a, b) => b.current - a.current || b.best - a.best || a.promiseId.localeCompare(b.promiseId))
    .slice(0, STREAK_LIMIT);

  return { buckets: buckets.list, totals, byPerson, previous, keepRate, streaks };
}
