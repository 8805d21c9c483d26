import { useCallback, useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import type { ActivityEventDto, ActivityResponse, WaitingItemDto } from '@hearth/shared/activity';
import { NoContent, request, requestUnchecked } from '../../lib/http';

// Stored state lags a live edit by the database write: look again shortly after, and once more.
const REFETCH_AFTER_MS = [500, 2500];

/**
 * The space's activity feed, read from the server (which decides what this person may see)
 * and refreshed whenever one of the open boards changes, so the unread count stays live.
 */
export function useActivity(spaceId: string, docs: readonly Y.Doc[]) {
  const [waiting, setWaiting] = useState<WaitingItemDto[]>([]);
  const [events, setEvents] = useState<ActivityEventDto[]>([]);
  const [unread, setUnread] = useState(0);
  const [nextBefore, setNextBefore] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const olderLoaded = useRef(false);

  const load = useCallback(async () => {
    try {
      const res = await requestUnchecked<ActivityResponse>('GET', `/api/spaces/${encodeURIComponent(spaceId)}/activity`);
      setWaiting(res.waiting);
      setUnread(res.unread);
      setFailed(false);
      // Keep older pages the person opened; replace the newest page.
      setEvents((current) => (olderLoaded.current ? mergeNewest(res.events, current) : res.events));
      if (!olderLoaded.current) setNextBefore(res.nextBefore);
    } catch {
      setFailed(true);
    }
  }, [spaceId]);

  useEffect(() => {
    void load();
    const timers = new Set<ReturnType<typeof setTimeout>>();
    // Any change, the partner's or one's own (accepting something clears it from "waiting").
    const onUpdate = () => {
      for (const ms of REFETCH_AFTER_MS) {
        const t = setTimeout(() => {
          timers.delete(t);
          void load();
        }, ms);
        timers.add(t);
      }
    };
    for (const doc of docs) doc.on('update', onUpdate);
    return () => {
      for (const doc of docs) doc.off('update', onUpdate);
      for (const t of timers) clearTimeout(t);
    };
  }, [docs, load]);

  const loadOlder = useCallback(async () => {
    if (!nextBefore) return;
    const res = await requestUnchecked<ActivityResponse>(
      'GET',
      `/api/spaces/${encodeURIComponent(spaceId)}/activity?before=${encodeURIComponent(nextBefore)}`,
    );
    olderLoaded.current = true;
    setEvents((current) => [...current, ...res.events.filter((e) => !current.some((c) => c.id === e.id))]);
    setNextBefore(res.nextBefore);
  }, [spaceId, nextBefore]);

  const markRead = useCallback(async () => {
    await request('POST', `/api/spaces/${encodeURIComponent(spaceId)}/activity/read`, NoContent, {});
    setUnread(0);
    setEvents((list) => list.map((e) => ({ ...e, unread: false })));
  }, [spaceId]);

  return { waiting, events, unread, nextBefore, failed, loadOlder, markRead };
}

function mergeNewest(fresh: ActivityEventDto[], current: ActivityEventDto[]): ActivityEventDto[] {
  const ids = new Set(fresh.map((e) => e.id));
  return [...fresh, ...current.filter((e) => !ids.has(e.id))];
}
