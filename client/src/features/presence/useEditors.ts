import { useCallback, useEffect, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { itemsOf } from '@hearth/shared/board';
import { editorsOf, releaseEditing } from './editingState';

/**
 * The other people editing `itemId` of `doc` right now. A string snapshot, so a card re-renders
 * only when its own editors change; it is recomputed on presence changes and on changes to the
 * item list (the item being removed clears its badge at once).
 */
export function useEditors(awarenesses: readonly Awareness[], doc: Y.Doc, itemId: string, myUserId: string): string[] {
  const subscribe = useCallback(
    (listener: () => void) => {
      const items = itemsOf(doc);
      for (const awareness of awarenesses) awareness.on('change', listener);
      items.observe(listener);
      return () => {
        for (const awareness of awarenesses) awareness.off('change', listener);
        items.unobserve(listener);
      };
    },
    [awarenesses, doc],
  );
  const getSnapshot = useCallback(() => editorsOf(awarenesses, doc, itemId, myUserId).join('\u0000'), [awarenesses, doc, itemId, myUserId]);
  const joined = useSyncExternalStore(subscribe, getSnapshot);

  // Removing a focused field fires no blur, so a card going away (item deleted, undone or moved
  // to another visibility) takes this person's "editing" with it.
  useEffect(() => {
    return () => {
      for (const awareness of awarenesses) if (awareness.doc === doc) releaseEditing(awareness, itemId);
    };
  }, [awarenesses, doc, itemId]);

  return joined === '' ? [] : joined.split('\u0000');
}
