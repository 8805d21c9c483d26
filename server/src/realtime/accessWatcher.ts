import type { SessionUser } from '../auth/sessionUser';
import type { HearthEvents } from '../platform/events';
import type { Logger } from '../platform/logger';
import { currentActorId } from '../platform/requestActor';
import { loadSpace } from '../spaces/access';
import { effectiveRole } from '../spaces/counsellorAccess';
import { spaceRoom, type HearthIo } from './socketServer';

/**
 * When someone's access to a space may have changed, every local socket of theirs in that
 * space is re-checked; those that lost access are told and disconnected at once.
 */
export function watchSocketAccess(
  io: HearthIo,
  events: HearthEvents,
  logger: Logger,
  hooks: {
    /** Whether the login session behind a socket still stands (signed out elsewhere → no). */
    sessionStands?: (user: SessionUser) => Promise<boolean>;
    /** Runs before anyone is disconnected, so the live status saying why arrives first. */
    beforeRevoke?: (spaceId: string, actorId: string | null) => Promise<void>;
    /** False while counsellor access must be refused everywhere (the audit log cannot be written). */
    counsellorsAllowed?: () => boolean;
  } = {},
): () => void {
  const onChange = async ({ spaceId, userId }: { spaceId?: string; userId?: string }) => {
    if (spaceId) await hooks.beforeRevoke?.(spaceId, currentActorId());
    // With the Redis adapter this reaches the sockets of every node.
    const sockets = await io.fetchSockets();
    const spaceCache = new Map<string, Awaited<ReturnType<typeof loadSpace>>>();
    for (const socket of sockets) {
      if (userId && socket.data.user.id !== userId) continue;
      // The session behind the socket was ended (signed out elsewhere): it goes at once.
      if (userId && hooks.sessionStands && !(await hooks.sessionStands(socket.data.user))) {
        socket.disconnect(true);
        continue;
      }
      const joined = [...socket.rooms].filter((r) => r.startsWith('space:')).map((r) => r.slice('space:'.length));
      for (const sid of joined) {
        if (spaceId && sid !== spaceId) continue;
        if (!spaceCache.has(sid)) spaceCache.set(sid, await loadSpace(sid));
        const space = spaceCache.get(sid);
        const role = space && effectiveRole(space, socket.data.user.id);
        if (role === 'partner' || (role === 'counsellor' && (hooks.counsellorsAllowed?.() ?? true))) continue;
        socket.emit('space:access-revoked', { spaceId: sid });
        // Disconnecting leaves every room; presence then re-broadcasts without this socket.
        socket.disconnect(true);
      }
    }
  };
  const listener = (change: { spaceId?: string; userId?: string }) => {
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
