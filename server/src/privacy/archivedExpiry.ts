import { itemsOf } from '@hearth/shared/board';
import * as Y from 'yjs';

/** Board items archived and left untouched are kept this long (RETENTION_DAYS.archivedItems). */
export const ARCHIVED_ITEM_DAYS = 365;

export function archiveCutoff(now: Date): Date {
  return new Date(now.getTime() - ARCHIVED_ITEM_DAYS * 86_400_000);
}

/**
 * The one rule for "archived and left so past its time" (docs/privacy.md), shared by the
 * retention sweep of the live boards and by version history, so a version never keeps an item
 * the schedule has removed (or is about to remove) from the board.
 */
export function dropExpiredArchived(doc: Y.Doc, cutoff: Date): string[] {
  const items = itemsOf(doc);
  const expired: string[] = [];
  for (const [id, map] of items.entries()) {
    if (!(map instanceof Y.Map) || map.get('archived') !== true) continue;
    const at = Date.parse(String(map.get('archivedAt') ?? ''));
    if (Number.isFinite(at) && at < cutoff.getTime()) expired.push(id);
  }
  if (expired.length > 0) doc.transact(() => expired.forEach((id) => items.delete(id)));
  return expired;
}
