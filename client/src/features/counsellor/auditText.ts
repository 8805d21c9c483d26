import type { AuditEntry } from './types';

export const FORMER_MEMBER = 'Former member';

/** What an audit entry means, in the partners' words (the log never holds content). */
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
    default:
      return `${who}: ${entry.action} ${entry.target}`;
  }
}

function describeTarget(target: string): string {
  if (target.startsWith('space:')) return 'the shared board';
  if (target.startsWith('notes:')) return 'their notes';
  return target;
}

/** Local date and time, e.g. "3 Mar 2026, 14:05". */
export function formatWhen(iso: string, locale?: string): string {
  return new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}
