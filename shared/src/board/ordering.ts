import type * as Y from 'yjs';
import { itemsOf, type ItemMap } from './docLayout';
import { isPositionKey, keyBetween, spreadKeys } from './fractionalIndex';
import type { ItemKind } from './schema/common';

/** Board order: position key, then id, so two replicas with equal keys agree. */
export function compareByPosition(a: { position: string; id: string }, b: { position: string; id: string }): number {
  if (a.position !== b.position) return a.position < b.position ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

interface Placed {
  id: string;
  position: string;
  map: ItemMap;
}

/** The items of one kind in board order, read raw (invalid items still hold their place). */
function placedOfKind(doc: Y.Doc, kind: ItemKind): Placed[] {
  const placed: Placed[] = [];
  itemsOf(doc).forEach((map, id) => {
    if (map.get('kind') !== kind) return;
    const position = map.get('position');
    placed.push({ id, map, position: typeof position === 'string' && isPositionKey(position) ? position : '' });
  });
  // Items without a valid key sort first; the next reorder gives them one.
  return placed.sort(compareByPosition);
}

/**
 * The position key that puts an item right after `afterId` (null = first) in its kind's list,
 * ignoring `movingId`. Must run inside the write transaction: when two items share a key
 * (two partners inserted at the same spot offline), it re-spreads the list first.
 */
export function positionAfter(doc: Y.Doc, kind: ItemKind, afterId: string | null, movingId?: string): string {
  const list = placedOfKind(doc, kind).filter((p) => p.id !== movingId);
  const index = afterId === null ? -1 : list.findIndex((p) => p.id === afterId);
  const before = index >= 0 ? list[index] : undefined;
  const after = list[index + 1];
  const low = before?.position || null;
  const high = after?.position || null;
  const collided = low !== null && high !== null && low >= high;
  if (collided || (before && low === null) || (after && high === null)) {
    rebalance(list);
    return positionAfter(doc, kind, afterId, movingId);
  }
  return keyBetween(low, high);
}

/** The key for a new item at the end of its kind's list. */
export function positionAtEnd(doc: Y.Doc, kind: ItemKind): string {
  const list = placedOfKind(doc, kind);
  const last = list[list.length - 1];
  return positionAfter(doc, kind, last ? last.id : null);
}

function rebalance(list: Placed[]): void {
  const keys = spreadKeys(list.length);
  list.forEach((p, i) => p.map.set('position', keys[i]!));
}

/** The id of the item just before `itemId` in its kind's list, or null if it is first. */
export function previousItemId(doc: Y.Doc, kind: ItemKind, itemId: string): string | null {
  const list = placedOfKind(doc, kind);
  const index = list.findIndex((p) => p.id === itemId);
  return index > 0 ? list[index - 1]!.id : null;
}
