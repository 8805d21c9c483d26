import type * as Y from 'yjs';
import { itemMapOf } from '../docLayout';
import { checkinIdOf, type CheckinItem } from '../schema/checkin';
import { listItems, type ListOptions } from './readBoard';
import { parseItemMap } from './parseItem';

export interface CheckinQuery extends ListOptions {
  userId?: string;
  /** Inclusive calendar-date bounds (YYYY-MM-DD). */
  from?: string;
  to?: string;
}

/** Check-ins, oldest day first (then by user), for mood charts and the check-in history. */
export function listCheckins(doc: Y.Doc, query: CheckinQuery = {}): CheckinItem[] {
  return listItems(doc, 'checkin', query)
    .filter(
      (c) =>
        (query.userId === undefined || c.userId === query.userId) &&
        (query.from === undefined || c.date >= query.from) &&
        (query.to === undefined || c.date <= query.to),
    )
    .sort((a, b) => (a.date === b.date ? (a.userId < b.userId ? -1 : 1) : a.date < b.date ? -1 : 1));
}

/** This user's check-in for that date, or null. */
export function checkinFor(doc: Y.Doc, userId: string, date: string): CheckinItem | null {
  const id = checkinIdOf(userId, date);
  const map = itemMapOf(doc, id);
  if (!map) return null;
  const item = parseItemMap(id, map);
  return item.kind === 'checkin' ? item : null;
}
