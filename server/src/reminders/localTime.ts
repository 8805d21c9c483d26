import type { QuietHours } from '@hearth/shared/reminders';
import { weekStartOf } from '@hearth/shared/board';

/** A moment as the person sees it on their own clock. */
export interface LocalTime {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM */
  time: string;
  /** 0 = Sunday */
  weekday: number;
  /** The Monday of the local week (YYYY-MM-DD): the weekly cap's period. */
  week: string;
}

export function localTimeOf(at: number, timeZone: string): LocalTime {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(at));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  const date = `${get('year')}-${get('month')}-${get('day')}`;
  const time = `${get('hour')}:${get('minute')}`;
  return { date, time, weekday: new Date(`${date}T00:00:00Z`).getUTCDay(), week: weekStartOf(date) };
}

/** Quiet hours may span midnight (22:00–08:00); `from` is inside, `to` is not. */
export function inQuietHours(time: string, quiet: QuietHours | null): boolean {
  if (!quiet || quiet.from === quiet.to) return false;
  return quiet.from < quiet.to ? time >= quiet.from && time < quiet.to : time >= quiet.from || time < quiet.to;
}

/** Minutes from `start` to `time` on the same day (negative before it). */
export function minutesSince(time: string, start: string): number {
  const m = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  return m(time) - m(start);
}
