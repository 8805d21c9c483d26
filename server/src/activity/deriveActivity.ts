import type * as Y from 'yjs';
import { itemTitle, readBoard, type BoardItem } from '@hearth/shared/board';
import type { ActivityKind, WaitingItemDto } from '@hearth/shared/activity';
import { propertyOf } from '../platform/propertyOf';

/** One thing someone did, read from an item's own history (no separate event log). */
export interface RawEvent {
  id: string;
  kind: ActivityKind;
  at: string;
  by: string;
  itemId: string | null;
  /** Built with the actor's name once it is known. */
  text: (name: string) => string;
}

const day = (date: string) =>
  new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' });

const q = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `“${flat.length > 60 ? `${flat.slice(0, 59)}…` : flat}”`;
};

/** What everyone but `viewer` did on one board, plus what waits on `viewer` there. */
export function deriveFromBoard(doc: Y.Doc, viewer: string): { events: RawEvent[]; waiting: WaitingItemDto[] } {
  const events: RawEvent[] = [];
  const waiting: WaitingItemDto[] = [];
  for (const item of readBoard(doc).items) {
    if (item.archived) continue;
    fromItem(item, viewer, events, waiting);
  }
  return { events: events.filter((e) => e.by !== viewer), waiting };
}

function titleOf(item: BoardItem): string {
  return itemTitle(item) ?? 'a check-in';
}

function fromItem(item: BoardItem, viewer: string, events: RawEvent[], waiting: WaitingItemDto[]): void {
  const ev = (kind: ActivityKind, at: string, by: string, text: (name: string) => string, key: string = kind) =>
    events.push({ id: `${item.id}:${key}:${at}`, kind, at, by, itemId: item.id, text });
  // Set by a restore from version history (server/src/versions); stored items are loose objects.
  const restoredBy = propertyOf(item, 'restoredBy');
  const restoredAt = propertyOf(item, 'restoredAt');
  const restoredFrom = propertyOf(item, 'restoredFrom');
  if (typeof restoredBy === 'string' && typeof restoredAt === 'string' && typeof restoredFrom === 'string') {
    const from = restoredFrom.slice(0, 10);
    ev('item_restored', restoredAt, restoredBy, (n) => `${n} restored ${q(titleOf(item))} from ${day(from)}`);
  }
  switch (item.kind) {
    case 'promise': {
      const mine = item.promiserId === viewer;
      for (const h of item.history) {
        const whose = mine ? 'your promise' : 'the promise';
        if (h.action === 'proposed')
          ev('promise_proposed', h.at, h.by, (n) =>
            item.promiseeId === viewer ? `${n} promised you ${q(item.text)}` : `${n} proposed ${q(item.text)}`,
          );
        else if (h.action === 'accepted') ev('promise_accepted', h.at, h.by, (n) => `${n} accepted ${whose} ${q(item.text)}`);
        else if (h.action === 'kept' || h.action === 'missed') {
          // Asked only while that mark still waits on the viewer (not once confirmed or changed).
          const mark = typeof h.period === 'string' ? item.outcomes[h.period] : undefined;
          const open = mark !== undefined && mark.confirmedAt === null && mark.outcome === h.action;
          const ask = item.promiseeId === viewer && open ? ' — confirm?' : '';
          ev('promise_marked', h.at, h.by, (n) => `${n} marked ${q(item.text)} ${h.action}${ask}`, `marked-${h.action}`);
        } else if (h.action === 'confirmed') ev('promise_confirmed', h.at, h.by, (n) => `${n} confirmed ${whose} ${q(item.text)}`);
        else if (h.action === 'renegotiated') ev('promise_renegotiated', h.at, h.by, (n) => `${n} asked to renegotiate ${q(item.text)}`);
      }
      if (item.promiseeId === viewer && item.status === 'proposed') {
        waiting.push({ kind: 'to_accept', itemId: item.id, text: `Accept ${q(item.text)}?`, since: item.statusChangedAt });
      }
      if (item.promiseeId === viewer) {
        for (const [period, o] of Object.entries(item.outcomes)) {
          if (!o.confirmedAt)
            waiting.push({
              kind: 'to_confirm',
              itemId: item.id,
              text: `Confirm ${q(item.text)} was ${o.outcome} (${day(period)})`,
              since: o.markedAt,
            });
        }
      }
      return;
    }
    case 'card': {
      const yours = item.authorId === viewer ? 'your' : 'the';
      ev('card_added', item.createdAt, item.authorId, (n) => `${n} added a ${item.cardType} card`);
      if (item.acknowledgedBy && item.acknowledgedAt) {
        ev('card_acknowledged', item.acknowledgedAt, item.acknowledgedBy, (n) => `${n} acknowledged ${yours} ${item.cardType}`);
      }
      for (const c of item.comments)
        ev('card_commented', c.at, c.by, (n) => `${n} commented on ${yours} ${item.cardType}`, `comment-${c.id}`);
      if (item.authorId !== viewer && !item.acknowledgedBy) {
        waiting.push({
          kind: 'to_acknowledge',
          itemId: item.id,
          text: `Read and acknowledge a ${item.cardType} card`,
          since: item.createdAt,
        });
      }
      return;
    }
    case 'experience': {
      ev('experience_added', item.createdAt, item.createdBy, (n) => `${n} suggested the experience ${q(item.title)}`);
      const done = item.history.filter((h) => h.action === 'done');
      const doneBy = done.at(-1)?.by ?? item.updatedBy;
      if (item.status === 'done' && item.doneAt) {
        ev('experience_done', item.doneAt, doneBy, (n) => `${n} finished the experience ${q(item.title)}`);
      }
      for (const [by, r] of Object.entries(item.reflections)) {
        if (r.updatedAt)
          ev('reflection_written', r.updatedAt, by, (n) => `${n} wrote a reflection on ${q(item.title)}`, `reflection-${by}`);
      }
      return;
    }
    case 'appreciation':
      ev('appreciation_sent', item.createdAt, item.fromId, (n) =>
        item.toId === viewer ? `${n} appreciated you` : `${n} wrote an appreciation`,
      );
      return;
    default:
      return;
  }
}
