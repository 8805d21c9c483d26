import type { IncomingMessage } from 'node:http';
import type { SessionUser } from '../auth/sessionUser';
import { SessionStore, type SessionConfig } from '../auth/sessions';
import type { Logger } from '../platform/logger';
import type { HearthIo } from './socketServer';

/**
 * The session store, telling live connections when a session ends (logout, "log out
 * everywhere", account deletion) so they close at once instead of at the next sweep.
 */
export class ObservedSessionStore extends SessionStore {
  constructor(
    config: SessionConfig,
    private readonly onEnded: (userId: string | null) => void,
  ) {
    super(config);
  }

  override async destroy(token: string): Promise<void> {
    const userId = await this.resolve(token).catch(() => null);
    await super.destroy(token);
    this.onEnded(userId);
  }

  override async destroyAllFor(userId: string): Promise<void> {
    await super.destroyAllFor(userId);
    this.onEnded(userId);
  }
}

/** Disconnects this node's sockets (of one user, or all) whose session no longer resolves. */
export async function recheckSocketSessions(
  io: HearthIo,
  authenticate: (req: IncomingMessage) => Promise<SessionUser | null>,
  logger: Logger,
  userId?: string,
): Promise<void> {
  const sockets = await io.local.fetchSockets();
  await Promise.all(
    sockets.map(async (socket) => {
      if (userId && socket.data.user.id !== userId) return;
      const raw = io.sockets.sockets.get(socket.id);
      if (!raw) return;
      const user = await authenticate(raw.request).catch((err: unknown) => {
        logger.warn({ err }, 'socket session re-check failed');
        return undefined;
      });
      if (user === null || (user && user.id !== socket.data.user.id)) socket.disconnect(true);
    }),
  );
}
