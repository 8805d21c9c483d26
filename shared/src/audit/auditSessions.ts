/** One raw line of the counsellor access log, as the server stores and lists it. */
export interface AuditLine {
  at: string;
  actorId: string;
  action: string;
  target: string;
}

/**
 * What the partners read: a counsellor's time with one document as one session (from the first
 * connection opening to the last closing), or a single event (an exercise observed, an export).
 */
export type AuditEvent =
  | {
      type: 'session';
      actorId: string;
      target: string;
      /** null when the log holds only the close (the open is older than the log). */
      start: string | null;
      /** null while a connection is still open (or the server stopped before it logged the close). */
      end: string | null;
    }
  | { type: 'event'; actorId: string; action: string; target: string; at: string };

/** Two sessions closer than this are one visit (a reconnect, a page reload). */
export const SESSION_GAP_MS = 60_000;

/**
 * Pairs `document.opened` / `document.closed` lines into sessions per counsellor and document.
 * Overlapping connections (two tabs) count as one session; a reconnect within a minute
 * continues the session. Newest first. Pure, so the client and the export say the same.
 */
export function auditEvents(lines: readonly AuditLine[]): AuditEvent[] {
  const sorted = [...lines].sort((a, b) => a.at.localeCompare(b.at));
  const events: AuditEvent[] = [];
  const open = new Map<string, { session: Extract<AuditEvent, { type: 'session' }>; connections: number }>();
  const lastClosed = new Map<string, Extract<AuditEvent, { type: 'session' }>>();

  for (const line of sorted) {
    const key = `${line.actorId}\u0000${line.target}`;
    if (line.action === 'document.opened') {
      const current = open.get(key);
      if (current) {
        current.connections += 1;
        continue;
      }
      const previous = lastClosed.get(key);
      if (previous?.end && Date.parse(line.at) - Date.parse(previous.end) <= SESSION_GAP_MS) {
        previous.end = null;
        open.set(key, { session: previous, connections: 1 });
        continue;
      }
      const session = { type: 'session' as const, actorId: line.actorId, target: line.target, start: line.at, end: null };
      events.push(session);
      open.set(key, { session, connections: 1 });
    } else if (line.action === 'document.closed') {
      const current = open.get(key);
      if (!current) {
        const session = { type: 'session' as const, actorId: line.actorId, target: line.target, start: null, end: line.at };
        events.push(session);
        lastClosed.set(key, session);
        continue;
      }
      current.connections -= 1;
      if (current.connections > 0) continue;
      current.session.end = line.at;
      open.delete(key);
      lastClosed.set(key, current.session);
    } else {
      events.push({ type: 'event', actorId: line.actorId, action: line.action, target: line.target, at: line.at });
    }
  }
  return events.sort((a, b) => eventTime(b).localeCompare(eventTime(a)));
}

/** When an event happened (a session: when it started, or ended if its start is unknown). */
export function eventTime(event: AuditEvent): string {
  return event.type === 'event' ? event.at : (event.start ?? event.end ?? '');
}

/** "12 min", "1 h 5 min", "under 1 min". */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return 'under 1 min';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/**
 * What a session was with, as a verb and its object. A counsellor's notes document is their
 * own (the partners cannot read it): it must never read as the couple's private notes.
 */
function sessionText(target: string): string {
  if (target.startsWith('space:')) return 'viewed the shared board';
  if (target.startsWith('notes:')) return 'opened their own counsellor notes';
  if (target.startsWith('couple:') || target.startsWith('private:')) return 'viewed a board not shared with counsellors';
  return 'viewed a document';
}

const BOARD_NAMES: Record<string, string> = {
  couple: 'the “Us” board',
  space: 'the “Us + counsellor” board',
  private: 'their “Only me” board',
};

/**
 * A restore's target is `<docName>@<version time>` and ` items:<n>` when only some items went
 * back (versions.service.ts): "restored 2 items of the “Us” board as they were on Tue 1 Dec …".
 */
export function restoreText(target: string, formatTime: (iso: string) => string): string {
  const match = /^([a-z]+):[^@]*@(\S+)(?: items:(\d+))?$/.exec(target);
  const board = (match && BOARD_NAMES[match[1]!]) ?? 'a board';
  const from = match ? ` as it was on ${formatTime(match[2]!)}` : '';
  const count = match?.[3] ? Number(match[3]) : null;
  if (count === null) return `restored ${board}${from}`;
  if (count === 1) return `restored 1 item of ${board}${from}`;
  return `restored ${count} items of ${board}${from.replace('it was', 'they were')}`;
}

/**
 * One log event in the partners' words: "Dr. Lee viewed the shared board · Tue 14:02 (12 min)".
 * `formatTime` decides how a moment reads (the app: local time; the export: UTC).
 */
export function describeAuditEvent(event: AuditEvent, nameOf: (userId: string) => string, formatTime: (iso: string) => string): string {
  const who = nameOf(event.actorId);
  if (event.type === 'session') {
    const what = `${who} ${sessionText(event.target)}`;
    if (event.start && event.end) {
      return `${what} · ${formatTime(event.start)} (${formatDuration(Date.parse(event.end) - Date.parse(event.start))})`;
    }
    if (event.start) return `${what} · ${formatTime(event.start)} (still open)`;
    return `${what} · until ${formatTime(event.end ?? '')}`;
  }
  const when = formatTime(event.at);
  switch (event.action) {
    case 'exercise.observed':
      return `${who} observed a live exercise · ${when}`;
    case 'exercise.history':
      return `${who} looked at past exercises · ${when}`;
    case 'export':
      return `${who} exported the shared board${event.target.endsWith(':md') ? ' as a summary' : ''} · ${when}`;
    case 'version.restored':
      return `${who} ${restoreText(event.target, formatTime)} · ${when}`;
    default:
      return `${who} ${event.action.replace(/[._]/g, ' ')} · ${when}`;
  }
}

/** The export's clock: the same words in UTC, e.g. "Tue 3 Feb 2026 09:30 UTC". */
export function formatUtc(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${days[date.getUTCDay()]} ${date.getUTCDate()} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
}
