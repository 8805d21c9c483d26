import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { DocConnection } from './docConnection';
import { INITIAL_STATUS, combineStatuses, type DocStatus } from './docStatus';

/** The combined status of the open documents (worst connection; saved only if all are). */
export function useDocStatus(connections: readonly DocConnection[]): DocStatus {
  const cache = useRef<{ parts: DocStatus[]; combined: DocStatus }>({ parts: [], combined: INITIAL_STATUS });
  const subscribe = useCallback(
    (listener: () => void) => {
      const offs = connections.map((c) => c.subscribe(listener));
      return () => offs.forEach((off) => off());
    },
    [connections],
  );
  const getSnapshot = useCallback(() => {
    const parts = connections.map((c) => c.getStatus());
    const previous = cache.current;
    if (parts.length === previous.parts.length && parts.every((p, i) => p === previous.parts[i])) {
      return previous.combined;
    }
    cache.current = { parts, combined: combineStatuses(parts) };
    return cache.current.combined;
  }, [connections]);
  return useSyncExternalStore(subscribe, getSnapshot);
}
