import type { Server as HttpServer, IncomingMessage } from 'node:http';
import type { ClientToServerEvents, ServerToClientEvents } from '@hearth/shared/socket';
import { Server, type Socket } from 'socket.io';
import type { SessionUser } from '../auth/sessionUser';
import type { Logger } from '../platform/logger';
import { logFailure } from './guarded';
import { userRoom } from './rooms';

export interface SocketData {
  user: SessionUser;
  /** The role checked when this socket joined a space's exercises. */
  roles?: Record<string, 'partner' | 'counsellor'>;
}

export type HearthIo = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type HearthSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export interface SocketServerDeps {
  logger: Logger;
  allowedOrigins: readonly string[];
  authenticate: (req: IncomingMessage) => Promise<SessionUser | null>;
}

/**
 * Socket.io on the API's port: the session cookie authenticates the handshake and a present
 * Origin must be Hearth's own. Features add their handlers with `onConnection`.
 */
export function createSocketServer(httpServer: HttpServer, deps: SocketServerDeps) {
  const io: HearthIo = new Server(httpServer, {
    path: '/socket.io',
    serveClient: false,
    // /yjs upgrades are answered by the collab server, possibly after a slow database lookup.
    destroyUpgrade: false,
    maxHttpBufferSize: 64 * 1024,
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      callback(null, origin === undefined || deps.allowedOrigins.includes(origin));
    },
  });

  io.use((socket, next) => {
    deps
      .authenticate(socket.request)
      .then((user) => {
        if (!user) return next(new Error('unauthenticated'));
        socket.data.user = user;
        next();
      })
      .catch((err: unknown) => {
        deps.logger.warn({ err }, 'socket authentication failed');
        next(new Error('unavailable'));
      });
  });

  const handlers: Array<(socket: HearthSocket) => void> = [];
  io.on('connection', (socket) => {
    socket.on('error', (err) => deps.logger.debug({ err }, 'socket error'));
    // Notifications and session ends reach a person's sockets through this room.
    logFailure(deps.logger, 'joining the user room', socket.join(userRoom(socket.data.user.id)));
    for (const handler of handlers) handler(socket);
  });

  return {
    io,
    onConnection(handler: (socket: HearthSocket) => void) {
      handlers.push(handler);
    },
  };
}
