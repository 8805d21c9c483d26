import { periodOf, type PromiseItem } from '@hearth/shared/board';
import { formatCalendarDate } from '../../../lib/relativeTime';

/** Today as the board's operations count it (a UTC calendar date, as `markPromise` does). */
export function boardToday(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The period "Mark kept" would mark now: today, this week's Monday, or the due date. */
export function currentPeriod(item: PromiseItem, today: string): string {
  return periodOf(item.cadence, today);
}

/** A period as people say it: "Mon, Nov 30, 2026", or "the week of Mon, Nov 30, 2026". */
export function periodText(cadence: PromiseItem['cadence'], period: string): string {
  const date = formatCalendarDate(period);
  return cadence.type === 'weekly' ? `the week of ${date}` : date;
}

/** "Kept today", "Missed this week", "Kept" (a one-off), or "Mon, Nov 30, 2026: kept" for an earlier period. */
function markHead(item: PromiseItem, period: string, outcome: 'kept' | 'missed', today: string): string {
  const word = outcome === 'kept' ? 'Kept' : 'Missed';
  if (item.cadence.type === 'once') return word;
  if (period === currentPeriod(item, today)) return `${word} ${item.cadence.type === 'daily' ? 'today' : 'this week'}`;
  const date = periodText(item.cadence, period);
  return `${date.charAt(0).toUpperCase()}${date.slice(1)}: ${outcome}`;
}

/**
 * The latest mark of a promise and where it stands, for everyone who sees the card:
 * "Kept today · waiting for Sam to confirm", "Kept this week · confirmed by Sam".
 */
export function markLine(item: PromiseItem, period: string, viewerId: string, nameOf: (userId: string) => string, today: string): string {
  const mark = item.outcomes[period]!;
  const head = markHead(item, period, mark.outcome, today);
  if (mark.confirmedAt) return `${head} · confirmed by ${mark.confirmedBy === viewerId ? 'you' : nameOf(mark.confirmedBy ?? '')}`;
  const who = item.promiseeId === viewerId ? 'you' : nameOf(item.promiseeId);
  return `${head} · waiting for ${who} to confirm`;
}
