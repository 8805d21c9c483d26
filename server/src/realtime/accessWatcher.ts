import type { HearthEvents } from '../platform/events';
import type { Logger } from '../platform/logger';
import { currentActorId } from '../platform/requestActor';
import { loadSpace } from '../spaces/access';
import { effectiveRole } from '../spaces/counsellorAccess';
import { spaceOfRoom, spaceRoom, userRoom } from './rooms';
import type { HearthIo } from './socketServer';

type AccessChange = { spaceId?: string; userId?: string };

/**
 * When someone's access to a space may have changed, their sockets in that space are
 * re-checked; those that lost access are told and disconnected at once. Only the sockets in
 * the space's room (or the user's room) are fetched — on every node, through the Redis adapter.
 */
export function watchSocketAccess(
  io: HearthIo,
  events: HearthEvents,
  logger: Logger,
  hooks: {
    /** Runs before anyone is disconnected, so the live status saying why arrives first. */
    beforeRevoke?: (spaceId: string, actorId: string | null) => Promise<void>;
    /** False while counsellor access must be refused everywhere (the audit log cannot be written). */
    counsellorsAllowed?: () => boolean;
  } = {},
): () => void {
  const onChange = async ({ spaceId, userId }: AccessChange) => {
    if (spaceId) await hooks.beforeRevoke?.(spaceId, currentActorId());
    const target = spaceId ? io.in(spaceRoom(spaceId)) : userId ? io.in(userRoom(userId)) : io;
    const sockets = await target.fetchSockets();
    const spaceCache = new Map<string, Awaited<ReturnType<typeof loadSpace>>>();
    for (const socket of sockets) {
      if (userId && socket.data.user.id !== userId) continue;
      const joined = [...socket.rooms].map(spaceOfRoom).filter((sid): sid is string => sid !== null);
      for (const sid of joined) {
        if (spaceId && sid !== spaceId) continue;
        if (!spaceCache.has(sid)) spaceCache.set(sid, await loadSpace(sid));
        const space = spaceCache.get(sid);
        const role = space && effectiveRole(space, socket.data.user.id);
        if (role === 'partner' || (role === 'counsellor' && (hooks.counsellorsAllowed?.() ?? true))) continue;
        socket.emit('space:access-revoked', { spaceId: sid });
        // Disconnecting leaves every room; presence then re-broadcasts without this socket.
        socket.disconnect(true);
        break;
      }
    }
  };
  const listener = (change: AccessChange) => {
    onChange(change).catch((err: unknown) => logger.error({ err }, 'socket access re-check failed'));
  };
  const spaceChanged = ({ spaceId }: { spaceId: string }) => io.to(spaceRoom(spaceId)).emit('space:changed', { spaceId });
  events.on('access:changed', listener);
  events.on('space:changed', spaceChanged);
  return () => {
    events.off('access:changed', listener);
    events.off('space:changed', spaceChanged);
  };
}
