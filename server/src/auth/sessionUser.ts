import type { IncomingMessage } from 'node:http';
import mongoose from 'mongoose';
import type { SessionStore } from './sessions';
import { User } from './user.model';

/** Who is behind a request: set on `req.user` by `loadUser`, on `socket.data.user` for sockets. */
export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  /** The stored id of the session behind this request or socket (ends with that session). */
  sessionId?: string;
}

export async function userFromToken(sessions: SessionStore, token: string | null): Promise<SessionUser | null> {
  if (!token) return null;
  const userId = await sessions.resolve(token);
  if (!userId || !mongoose.isValidObjectId(userId)) return null;
  const user = await User.findById(userId).lean();
  if (!user) return null;
  return { id: user._id.toString(), email: user.email, displayName: user.displayName, sessionId: sessions.idOf(token) };
}

/** Authenticates a raw HTTP request (WebSocket upgrade, Socket.io handshake) by its cookie. */
export function requestAuthenticator(sessions: SessionStore) {
  return (req: IncomingMessage): Promise<SessionUser | null> => userFromToken(sessions, sessions.tokenFromCookieHeader(req.headers.cookie));
}
