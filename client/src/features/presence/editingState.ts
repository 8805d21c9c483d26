import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { itemsOf } from '@hearth/shared/board';
import { isRecord } from '@hearth/shared/guards';
import { peersOf } from '../../collab/useAwareness';

/**
 * Names of the other people editing `itemId` of `doc`, sorted. Only the presence of that same
 * document counts (an item moved to another visibility keeps its id), and only while the item
 * is still there: a caret left in a removed item must not follow it anywhere.
 */
export function editorsOf(awarenesses: readonly Awareness[], doc: Y.Doc, itemId: string, myUserId: string): string[] {
  if (!itemsOf(doc).has(itemId)) return [];
  const names = new Set<string>();
  for (const awareness of awarenesses) {
    if (awareness.doc !== doc) continue;
    for (const peer of peersOf(awareness)) {
      if (!peer.isMe && peer.user.id !== myUserId && peer.editing === itemId) names.add(peer.user.name);
    }
  }
  return [...names].sort();
}

/** Stops announcing "editing `itemId`" (when this screen still announces it). */
export function releaseEditing(awareness: Awareness, itemId: string): void {
  const state: unknown = awareness.getLocalState();
  if (isRecord(state) && state.editing === itemId) awareness.setLocalStateField('editing', null);
}
