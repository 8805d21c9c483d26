import mongoose from 'mongoose';
import type { HearthEvents } from '../platform/events';
import type { Logger } from '../platform/logger';
import { consentState } from '../spaces/consentState';
import { Space, type SpaceRecord } from '../spaces/space.model';
import { loadSpace, withConsents } from '../spaces/spaceWrites';

/** setTimeout's limit; a later end date is re-armed when this fires. */
const MAX_DELAY_MS = 2 ** 31 - 1;
const RESYNC_MS = 10 * 60_000;

/**
 * A counsellor's access that ends by date (`until`) ends without any request, so nothing
 * else would tell live connections to re-check. This arms a timer per end date and emits
 * `access:changed` the moment it passes; Yjs and Socket.io then close that counsellor's
 * connections. Timers follow `space:changed` (consent set or changed) and a periodic resync
 * (end dates set on another server process). Returns a stop function.
 */
export function watchCounsellorExpiry(events: HearthEvents, logger: Logger): () => void {
  const timers = new Map<string, NodeJS.Timeout>();
  /** End dates already announced: the announcement itself triggers a re-check, not a loop. */
  const fired = new Set<string>();
  const key = (spaceId: string, userId: string) => `${spaceId}:${userId}`;

  function arm(spaceId: string, userId: string, until: Date): void {
    const k = key(spaceId, userId);
    clearTimeout(timers.get(k));
    if (fired.has(`${k}:${until.getTime()}`)) return void timers.delete(k);
    const delay = until.getTime() - Date.now();
    if (delay <= -RESYNC_MS) return void timers.delete(k); // long past: nothing live can remain
    const timer = setTimeout(
      () => {
        timers.delete(k);
        if (delay > MAX_DELAY_MS) return arm(spaceId, userId, until);
        fired.add(`${k}:${until.getTime()}`);
        events.emit('access:changed', { spaceId, userId });
        events.emit('space:changed', { spaceId });
      },
      Math.min(Math.max(delay, 0), MAX_DELAY_MS),
    );
    timer.unref();
    timers.set(k, timer);
  }

  /** Stops the timers of a space (before re-arming them, or because it is gone). */
  function forget(spaceId: string): void {
    for (const [k, timer] of timers) {
      if (k.startsWith(`${spaceId}:`)) {
        clearTimeout(timer);
        timers.delete(k);
      }
    }
  }

  function track(space: SpaceRecord): void {
    const spaceId = space._id.toString();
    forget(spaceId);
    for (const m of space.members) {
      if (m.role !== 'counsellor') continue;
      // The effective end: the earliest of the standing consents' limits (consentState.ts).
      const state = consentState(space, m);
      if (state.access === 'active' && state.until) arm(spaceId, m.userId.toString(), state.until);
    }
  }

  async function resync(): Promise<void> {
    const spaces = await withConsents(await Space.find({}).lean<SpaceRecord[]>());
    for (const space of spaces) track(space);
  }

  const onSpaceChanged = ({ spaceId }: { spaceId: string }) => {
    if (!mongoose.isValidObjectId(spaceId)) return;
    loadSpace(spaceId)
      .then((space) => (space ? track(space) : forget(spaceId)))
      .catch((err: unknown) => logger.warn({ err, spaceId }, 'counsellor expiry: re-check failed'));
  };
  const sync = () => resync().catch((err: unknown) => logger.warn({ err }, 'counsellor expiry: resync failed'));

  events.on('space:changed', onSpaceChanged);
  void sync();
  const interval = setInterval(sync, RESYNC_MS);
  interval.unref();
  return () => {
    events.off('space:changed', onSpaceChanged);
    clearInterval(interval);
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
  };
}
