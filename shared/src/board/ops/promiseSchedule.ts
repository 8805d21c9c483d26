import type * as Y from 'yjs';
import type { PromiseCadence, PromiseItem } from '../schema/promise';
import { listPromises } from '../read/readBoard';

/**
 * When promises fall due. A period is named by a calendar date (YYYY-MM-DD): the due date of
 * a one-off promise, the day of a daily one, the Monday of the week of a weekly one.
 */

const DAY_MS = 86_400_000;

function toUtc(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/** The Monday on or before `date`. */
export function weekStartOf(date: string): string {
  const weekday = new Date(toUtc(date)).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}

/** The period that `date` falls in. */
export function periodOf(cadence: PromiseCadence, date: string): string {
  switch (cadence.type) {
    case 'once':
      return cadence.dueDate;
    case 'daily':
      return date;
    case 'weekly':
      return weekStartOf(date);
  }
}

/** Is `period` a period name this cadence can have? */
export function isPeriodOf(cadence: PromiseCadence, period: string): boolean {
  return periodOf(cadence, period) === period;
}

/** A promise whose periods came due (or were marked or confirmed) in a review's window. */
export interface DuePromise {
  promise: PromiseItem;
  /** Oldest first; at most MAX_DUE_PERIODS, the most recent ones. */
  periods: string[];
}

export const MAX_DUE_PERIODS = 62;

function isSettled(promise: PromiseItem, period: string): boolean {
  return promise.outcomes[period]?.confirmedAt != null;
}

/**
 * The periods of one promise a review since `since` looks at: those due between `since` and
 * `today` (inclusive) that are not yet confirmed, and those marked or confirmed at or after
 * `since`, settled or not (kept this week and confirmed already: still something to look
 * back on together). `since` is a calendar date (YYYY-MM-DD) or an ISO moment.
 */
export function duePeriods(promise: PromiseItem, since: string, today: string): string[] {
  const { cadence } = promise;
  const periods = new Set<string>();
  for (const [period, o] of Object.entries(promise.outcomes)) {
    if (o.markedAt >= since || (o.confirmedAt !== null && o.confirmedAt >= since)) periods.add(period);
  }
  if (cadence.type === 'once') {
    // A one-off promise stays due until confirmed, even if its date is before `since`.
    if (cadence.dueDate <= today && !isSettled(promise, cadence.dueDate)) periods.add(cadence.dueDate);
  } else {
    const sinceDay = since.slice(0, 10);
    const accepted = promise.acceptedAt ? promise.acceptedAt.slice(0, 10) : today;
    const step = cadence.type === 'daily' ? 1 : 7;
    for (let p = periodOf(cadence, sinceDay > accepted ? sinceDay : accepted); p <= today; p = addDays(p, step)) {
      if (!isSettled(promise, p)) periods.add(p);
    }
  }
  return [...periods].sort().slice(-MAX_DUE_PERIODS);
}

/**
 * Accepted promises with periods due since `since` and not yet confirmed, or marked or
 * confirmed since then: what the promise review walks through.
 */
export function promisesDueSince(doc: Y.Doc, since: string, today: string): DuePromise[] {
  const due: DuePromise[] = [];
  for (const promise of listPromises(doc)) {
    if (promise.status === 'proposed' || promise.status === 'renegotiated') continue;
    const periods = duePeriods(promise, since, today);
    if (periods.length > 0) due.push({ promise, periods });
  }
  return due;
}
