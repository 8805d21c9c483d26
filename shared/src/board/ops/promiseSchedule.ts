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

/** A promise whose periods are waiting for a mark or a confirmation. */
export interface DuePromise {
  promise: PromiseItem;
  /** Oldest first; at most MAX_DUE_PERIODS, the most recent ones. */
  periods: string[];
}

export const MAX_DUE_PERIODS = 62;

function isSettled(promise: PromiseItem, period: string): boolean {
  return promise.outcomes[period]?.confirmedAt != null;
}

/** The unsettled periods of one promise between `since` and `today` (inclusive). */
export function duePeriods(promise: PromiseItem, since: string, today: string): string[] {
  const { cadence } = promise;
  if (cadence.type === 'once') {
    // A one-off promise stays due until confirmed, even if its date is before `since`.
    return cadence.dueDate <= today && !isSettled(promise, cadence.dueDate) ? [cadence.dueDate] : [];
  }
  const accepted = promise.acceptedAt ? promise.acceptedAt.slice(0, 10) : today;
  const from = periodOf(cadence, since > accepted ? since : accepted);
  const step = cadence.type === 'daily' ? 1 : 7;
  const periods: string[] = [];
  for (let p = from; p <= today; p = addDays(p, step)) {
    if (!isSettled(promise, p)) periods.push(p);
  }
  return periods.slice(-MAX_DUE_PERIODS);
}

/**
 * Accepted promises with periods due between `since` and `today` that are not yet confirmed:
 * what the promise review walks through and what reminders are sent about.
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
