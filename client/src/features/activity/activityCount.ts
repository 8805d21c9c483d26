import { useSyncExternalStore } from 'react';

/**
 * The open space's unread activity count, published by its "What's new" panel so the header
 * can show it too (the panel holds the live documents it is computed from).
 */
let count = 0;
const listeners = new Set<() => void>();

export function publishActivityUnread(next: number): void {
  if (next === count) return;
  count = next;
  for (const l of listeners) l();
}

export function useActivityUnread(): number {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => count,
  );
}
