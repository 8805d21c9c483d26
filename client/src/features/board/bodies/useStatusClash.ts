import { useCallback, useEffect, useRef } from 'react';

/** How long after setting a status a partner's different status counts as "at the same time". */
export const CLASH_MS = 10_000;

/**
 * Remembers the status this person just set on an item. When, within a few seconds, the
 * board shows a different status that this person did not set (the partner's concurrent
 * change won the merge), `onReplaced` runs once with the status that was replaced.
 * Returns the function to call as this person sets a status (null: the change was refused).
 */
export function useStatusClash<S extends string>(status: S, onReplaced: (mine: S) => void): (mine: S | null) => void {
  const mine = useRef<{ status: S; at: number } | null>(null);
  const report = useRef(onReplaced);
  useEffect(() => {
    report.current = onReplaced;
  });
  useEffect(() => {
    const set = mine.current;
    if (!set || set.status === status) return;
    mine.current = null;
    if (Date.now() - set.at <= CLASH_MS) report.current(set.status);
  }, [status]);
  return useCallback((set: S | null) => {
    mine.current = set === null ? null : { status: set, at: Date.now() };
  }, []);
}
