import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { DocConnection } from './docConnection';
import { ACK_OVERDUE_MS, INITIAL_STATUS, combineStatuses, type DocStatus } from './docStatus';

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

/**
 * How long this device's edits have waited for the server's saved acknowledgement (0 while
 * everything is saved). Re-renders once the wait passes ACK_OVERDUE_MS, so the badge can say
 * "Not saved — waiting for storage" without a ticking timer.
 */
export function useUnsavedFor(saved: boolean): number {
  const since = useRef<number | null>(null);
  const [, setTick] = useState(0);
  if (saved) since.current = null;
  else since.current ??= Date.now();
  useEffect(() => {
    if (saved || since.current === null) return;
    const left = since.current + ACK_OVERDUE_MS + 50 - Date.now();
    if (left <= 0) return;
    const timer = setTimeout(() => setTick((n) => n + 1), left);
    return () => clearTimeout(timer);
  }, [saved]);
  return since.current === null ? 0 : Date.now() - since.current;
}
