import { addDays, weekStartOf } from '../board/ops/promiseSchedule';
import type { JourneyRange } from './types';

/**
 * Calendar arithmetic in the couple's time zone. Board calendar dates (check-in days, promise
 * periods) are already local; date-times (UTC) are turned into the couple's local date first,
 * so a Sunday-evening check-in in Auckland does not land in Monday's week.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when the runtime knows this IANA time zone. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

const QUARTER_HOUR = 900_000;
const dateCache = new Map<string, Map<number, string>>();
const CACHE_LIMIT = 100_000;

/**
 * The calendar date (YYYY-MM-DD) an instant falls on in `timeZone`. Intl formatting costs
 * microseconds and a year of data has thousands of date-times, so results are cached per
 * quarter hour: every zone in use today is offset from UTC by a multiple of 15 minutes, so all
 * instants of one UTC quarter hour share a local date.
 */
export function dateInZone(instant: string | number | Date, timeZone: string): string {
  const ms = typeof instant === 'number' ? instant : typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  let zone = dateCache.get(timeZone);
  if (!zone) dateCache.set(timeZone, (zone = new Map()));
  const bucket = Math.floor(ms / QUARTER_HOUR);
  let date = zone.get(bucket);
  if (date === undefined) {
    if (zone.size >= CACHE_LIMIT) zone.clear();
    // en-CA formats as YYYY-MM-DD.
    date = formatterFor(timeZone).format(bucket * QUARTER_HOUR);
    zone.set(bucket, date);
  }
  return date;
}

export const RANGE_WEEKS: Record<Exclude<JourneyRange, 'all'>, number> = { '4w': 4, '12w': 12, '1y': 52 };

/** Beyond this many weeks "everything" is shown by month, so a chart keeps readable bars. */
export const MAX_WEEK_BUCKETS = 60;

export type BucketUnit = 'week' | 'month';

export interface Window {
  /** First day (inclusive), a Monday or the first of a month. */
  from: string;
  /** Last day (inclusive): today. */
  to: string;
  unit: BucketUnit;
  /** Bucket keys, oldest first: Mondays (week) or first days of months (month). */
  keys: string[];
  /** The equally long window just before, for "up from"; null for "everything". */
  previous: { from: string; to: string } | null;
}

// Calendar dates repeat a lot (a year has 365); Date parsing and formatting do not come free.
const dayIndexes = new Map<string, number>();
const mondays = new Map<string, string>();

/** Days since 1970-01-01 for a calendar date, cached. */
export function dayIndex(date: string): number {
  let n = dayIndexes.get(date);
  if (n === undefined) {
    if (dayIndexes.size >= CACHE_LIMIT) dayIndexes.clear();
    n = Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
    dayIndexes.set(date, n);
  }
  return n;
}

/** The Monday on or before `date` (board `weekStartOf`, cached). */
export function mondayOf(date: string): string {
  let monday = mondays.get(date);
  if (monday === undefined) {
    if (mondays.size >= CACHE_LIMIT) mondays.clear();
    monday = weekStartOf(date);
    mondays.set(date, monday);
  }
  return monday;
}

export function bucketOf(date: string, unit: BucketUnit): string {
  return unit === 'week' ? mondayOf(date) : `${date.slice(0, 7)}-01`;
}

function nextMonth(key: string): string {
  const [y = 0, m = 0] = key.split('-').map(Number);
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** The window a range covers, ending today; `earliest` is the oldest date in the data. */
export function windowOf(range: JourneyRange, today: string, earliest: string | null): Window {
  const thisWeek = weekStartOf(today);
  if (range !== 'all') {
    const weeks = RANGE_WEEKS[range];
    const from = addDays(thisWeek, -7 * (weeks - 1));
    const keys = Array.from({ length: weeks }, (_, i) => addDays(from, 7 * i));
    return { from, to: today, unit: 'week', keys, previous: { from: addDays(from, -7 * weeks), to: addDays(from, -1) } };
  }
  const start = weekStartOf(earliest && earliest < today ? earliest : today);
  const weekCount = Math.round((Date.parse(thisWeek) - Date.parse(start)) / (7 * 86_400_000)) + 1;
  if (weekCount <= MAX_WEEK_BUCKETS) {
    return {
      from: start,
      to: today,
      unit: 'week',
      keys: Array.from({ length: weekCount }, (_, i) => addDays(start, 7 * i)),
      previous: null,
    };
  }
  const from = bucketOf(start, 'month');
  const keys: string[] = [];
  for (let k = from; k <= today; k = nextMonth(k)) keys.push(k);
  return { from, to: today, unit: 'month', keys, previous: null };
}

export function inWindow(date: string, w: { from: string; to: string }): boolean {
  return date >= w.from && date <= w.to;
}

/** Whole days between two instants (for "acknowledged after 2 days"). */
export function daysBetween(fromIso: string, toIso: string): number {
  return (Date.parse(toIso) - Date.parse(fromIso)) / 86_400_000;
}
