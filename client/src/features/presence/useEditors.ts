import { useCallback, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { peersOf } from '../../collab/useAwareness';

/**
 * Names of the other people editing `itemId` right now, joined for display ("" if none).
 * A string snapshot, so a card re-renders only when its own editors change.
 */
export function useEditors(awarenesses: readonly Awareness[], itemId: string, myUserId: string): string[] {
  const subscribe = useCallback(
    (listener: () => void) => {
      for (const awareness of awarenesses) awareness.on('change', listener);
      return () => {
        for (const awareness of awarenesses) awareness.off('change', listener);
      };
    },
    [awarenesses],
  );
  const getSnapshot = useCallback(() => {
    const names = new Set<string>();
    for (const awareness of awarenesses) {
      for (const peer of peersOf(awareness)) {
        if (!peer.isMe && peer.user.id !== myUserId && peer.editing === itemId) names.add(peer.user.name);
      }
    }
    return [...names].sort().join('\u0000');
  }, [awarenesses, itemId, myUserId]);
  const joined = useSyncExternalStore(subscribe, getSnapshot);
  return joined === '' ? [] : joined.split('\u0000');
}
