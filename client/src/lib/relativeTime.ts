/** "just now", "5 min ago", "2 h ago", "yesterday", "3 days ago", then the local date. */
export function relativeTime(iso: string, now: number = Date.now(), locale?: string): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  const seconds = Math.max(0, Math.round((now - then) / 1000));
  if (seconds < 60) return 'just now';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  if (days === 1) return 'yesterday';
  if (days < 7) return `${days} days ago`;
  return new Date(then).toLocaleDateString(locale, { day: 'numeric', month: 'short', year: days > 300 ? 'numeric' : undefined });
}

/** A calendar date (YYYY-MM-DD, no time zone) in the reader's locale, e.g. "Sat, 14 Mar 2026". */
export function formatCalendarDate(date: string, locale?: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  // Noon UTC shown in UTC keeps the day the person meant in every time zone.
  const at = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12));
  return at.toLocaleDateString(locale, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** A moment for a log line: "Tue 14:02" within the last week, otherwise "3 Mar 2026, 14:02". */
export function formatMoment(iso: string, now: number = Date.now(), locale?: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const time = at.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  if (now - at.getTime() < 6 * 24 * 3600_000 && now >= at.getTime() - 60_000) {
    return `${at.toLocaleDateString(locale, { weekday: 'short' })} ${time}`;
  }
  return `${at.toLocaleDateString(locale, { day: 'numeric', month: 'short', year: 'numeric' })}, ${time}`;
}
