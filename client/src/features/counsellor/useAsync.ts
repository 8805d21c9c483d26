import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../lib/http';
import { LoadSequence } from '../../lib/loadSequence';

export interface AsyncState<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  reload(): Promise<void>;
}

/**
 * Loads `load()` on mount and whenever `key` changes; `reload` fetches again. An answer older
 * than the one shown is dropped, and a changed `key` or unmounting aborts what is still
 * loading (through `signal`) and drops whatever it returns.
 */
export function useAsync<T>(load: (signal: AbortSignal) => Promise<T>, key: string): AsyncState<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  // The latest loader, called by `reload`; fetching again is keyed by `key`, not by the
  // loader's identity (callers pass a new arrow function on every render).
  const latest = useRef(load);
  useEffect(() => {
    latest.current = load;
  });
  const [requests] = useState(() => new LoadSequence());

  const reload = useCallback(async () => {
    setLoading(true);
    const outcome = await requests.run((signal) => latest.current(signal));
    if (outcome.stale) return;
    if (outcome.ok) {
      setData(outcome.value);
      setError(null);
    } else {
      setError(outcome.error instanceof ApiError ? outcome.error.message : 'Could not load this.');
    }
    setLoading(false);
  }, [requests]);

  useEffect(() => {
    // What was loaded for another key is not shown while this one loads.
    setData(null);
    setError(null);
    void reload();
    return () => requests.cancel();
  }, [reload, requests, key]);

  return { data, error, loading, reload };
}
