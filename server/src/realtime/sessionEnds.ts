import { SessionStore, type SessionConfig } from '../auth/sessions';
import { endsSession, type HearthEvents, type SessionEnded } from '../platform/events';
import type { Logger } from '../platform/logger';
import { userRoom } from './rooms';
import type { HearthIo } from './socketServer';

/**
 * The session store, announcing every session that ends — logout, "log out everywhere",
 * ending one device, a password change, account deletion, expiry — as `session:ended`, the
 * one signal on which live Yjs (4401) and Socket.io connections of that session close.
 */
export class ObservedSessionStore extends SessionStore {
  constructor(
    config: SessionConfig,
    private readonly events: HearthEvents,
  ) {
    super(config);
  }

  override async destroy(token: string): Promise<void> {
    const userId = await this.resolve(token).catch(() => null);
    await super.destroy(token);
    if (userId) this.events.emit('session:ended', { userId, sessionIds: [this.idOf(token)] });
  }

  override async destroyAllFor(userId: string): Promise<void> {
    await super.destroyAllFor(userId);
    this.events.emit('session:ended', { userId });
  }

  override async destroyById(userId: string, id: string): Promise<boolean> {
    const ended = await super.destroyById(userId, id);
    if (ended) this.events.emit('session:ended', { userId, sessionIds: [id] });
    return ended;
  }

  override async destroyOthers(userId: string, keepId: string): Promise<string[]> {
    const ended = await super.destroyOthers(userId, keepId);
    if (ended.length > 0) this.events.emit('session:ended', { userId, sessionIds: ended });
    return ended;
  }

  override async sweepExpired(): Promise<Array<{ id: string; userId: string }>> {
    const expired = await super.sweepExpired();
    const byUser = new Map<string, string[]>();
    for (const { id, userId } of expired) byUser.set(userId, [...(byUser.get(userId) ?? []), id]);
    for (const [userId, sessionIds] of byUser) this.events.emit('session:ended', { userId, sessionIds });
    return expired;
  }
}

/**
 * Disconnects the Socket.io connections of ended sessions. The user's room reaches their
 * sockets on every node (through the Redis adapter), so only the node that ended a session
 * needs to hear of it.
 */
export function watchSessionEnds(io: HearthIo, events: HearthEvents, logger: Logger): () => void {
  const onEnded = async (ended: SessionEnded) => {
    const sockets = await io.in(userRoom(ended.userId)).fetchSockets();
    for (const socket of sockets) if (endsSession(ended, socket.data.user.sessionId)) socket.disconnect(true);
  };
  const listener = (ended: SessionEnded) => {
    onEnded(ended).catch((err: unknown) => logger.warn({ err }, 'socket session close failed'));
  };
  events.on('session:ended', listener);
  return () => events.off('session:ended', listener);
}
