import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { compareByPosition, type Visibility } from '@hearth/shared/board';
import type { SpaceDocs } from '../../collab/useSpaceDocs';
import { BoardReader, type BoardEntry } from './boardStore';

/** All items the person can see, from every open document, each tagged with its visibility. */
export function useBoardEntries(docs: SpaceDocs): BoardEntry[] {
  // Created in an effect (not a memo) so React's mount/unmount/mount in development gets
  // fresh observers instead of destroyed ones.
  const [readers, setReaders] = useState<BoardReader[]>([]);
  useEffect(() => {
    const pairs: [Visibility, SpaceDocs['space'] | null][] = [
      ['space', docs.space],
      ['couple', docs.couple],
      ['private', docs.mine],
    ];
    const created = pairs.flatMap(([visibility, c]) => (c ? [new BoardReader(c.doc, visibility)] : []));
    setReaders(created);
    return () => created.forEach((r) => r.destroy());
  }, [docs]);

  const cache = useRef<{ parts: BoardEntry[][]; merged: BoardEntry[] }>({ parts: [], merged: [] });
  const subscribe = useMemo(
    () => (listener: () => void) => {
      const offs = readers.map((r) => r.subscribe(listener));
      return () => offs.forEach((off) => off());
    },
    [readers],
  );
  const getSnapshot = useMemo(
    () => () => {
      const parts = readers.map((r) => r.getEntries());
      const previous = cache.current;
      if (parts.length === previous.parts.length && parts.every((p, i) => p === previous.parts[i])) return previous.merged;
      const merged = parts.flat().sort((a, b) => compareByPosition(a.item, b.item));
      cache.current = { parts, merged };
      return merged;
    },
    [readers],
  );
  return useSyncExternalStore(subscribe, getSnapshot);
}
