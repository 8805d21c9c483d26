import { auditEvents, describeAuditEvent, eventTime, restoreText } from '@hearth/shared/audit';
import { formatMoment } from '../../lib/relativeTime';
import type { AuditEntry } from './types';

export const FORMER_MEMBER = 'Former member';

export interface AuditLogLine {
  key: string;
  at: string;
  text: string;
}

/**
 * The access log as the partners read it: sessions, newest first, in the same words as the
 * Markdown export ("Dr. Lee viewed the shared board · Tue 14:02 (12 min)"), in local time.
 */
export function auditLogLines(
  entries: readonly AuditEntry[],
  nameOf: (userId: string) => string | undefined,
  now: number = Date.now(),
  locale?: string,
): AuditLogLine[] {
  return auditEvents(entries).map((event, i) => ({
    key: `${eventTime(event)}-${event.actorId}-${i}`,
    at: eventTime(event),
    text: describeAuditEvent(
      event,
      (id) => nameOf(id) ?? FORMER_MEMBER,
      (iso) => formatMoment(iso, now, locale),
    ),
  }));
}

/** One raw entry in plain words (kept for single-entry uses; the log view shows sessions). */
export function describeAuditEntry(entry: AuditEntry, nameOf: (userId: string) => string | undefined): string {
  const who = nameOf(entry.actorId) ?? FORMER_MEMBER;
  const what = describeTarget(entry.target);
  switch (entry.action) {
    case 'document.opened':
      return `${who} opened ${what}`;
    case 'document.closed':
      return `${who} closed ${what}`;
    case 'exercise.observed':
      return `${who} observed an exercise`;
    case 'exercise.history':
      return `${who} looked at past exercises`;
    case 'export':
      return `${who} exported the shared board${entry.target.endsWith(':md') ? ' (summary)' : ''}`;
    case 'version.restored':
      return `${who} ${restoreText(entry.target, (iso) => formatWhen(iso))}`;
    default:
      return `${who}: ${entry.action} ${entry.target}`;
  }
}

function describeTarget(target: string): string {
  if (target.startsWith('space:')) return 'the shared board';
  if (target.startsWith('notes:')) return 'their own counsellor notes';
  return target;
}

/** Local date and time, e.g. "3 Mar 2026, 14:05". */
export function formatWhen(iso: string, locale?: string): string {
  return new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}
