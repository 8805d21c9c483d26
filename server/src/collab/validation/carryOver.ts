import * as Y from 'yjs';
import { ITEMS_KEY } from '@hearth/shared/board';
import { isEmpty, type PartnerAdditions } from './movePairing';

/** Transaction origin of the server's own write: stored and sent to everyone, like any edit. */
export const CARRY_ORIGIN = 'move-carry';

/**
 * Writes the partner's additions (comments, an acknowledgement, an appreciation's answer) into
 * the moved copy of an item once the update that carries the copy (or deletes the original) has
 * been applied. They were accepted as the partner's own on the original; the server only
 * carries them along, unchanged, so a move racing with them loses nothing and a forged move
 * cannot drop them. Runs after the current update is applied (a microtask), re-reading the live
 * copy: nothing twice, nothing into a copy that is gone, nothing over a value already there.
 */
export function carryOverLater(target: Y.Doc, itemId: string, additions: PartnerAdditions): void {
  queueMicrotask(() => carryOver(target, itemId, additions));
}

export function carryOver(target: Y.Doc, itemId: string, additions: PartnerAdditions): void {
  if (target.isDestroyed) return;
  const map = target.getMap(ITEMS_KEY).get(itemId);
  if (!(map instanceof Y.Map)) return;
  const comments = map.get('comments');
  target.transact(() => {
    if (comments instanceof Y.Array && additions.comments.length > 0) {
      const present = new Set(comments.toArray().map((c: { id?: unknown } | null) => c?.id));
      const missing = additions.comments.filter((c) => !present.has(c.id));
      if (missing.length > 0) comments.push(missing);
    }
    for (const [name, value] of Object.entries(additions.fields)) if (isEmpty(map.get(name))) map.set(name, value);
  }, CARRY_ORIGIN);
}
