import { useSyncExternalStore } from 'react';

// Whether a person put the first-run guide of a space away; per device, like a closed tip.
const listeners = new Set<() => void>();
const keyOf = (spaceId: string) => `hearth:first-run-hidden:${spaceId}`;

function read(spaceId: string): boolean {
  try {
    return localStorage.getItem(keyOf(spaceId)) === '1';
  } catch {
    return false;
  }
}

export function hideFirstRun(spaceId: string): void {
  try {
    localStorage.setItem(keyOf(spaceId), '1');
  } catch {
    // Storage can be unavailable (private mode); the guide then simply stays this session.
  }
  for (const listener of listeners) listener();
}

export function useFirstRunHidden(spaceId: string): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => read(spaceId),
  );
}
