import type { Request, RequestHandler } from 'express';
import { AppError } from '../platform/errors';
import type { SessionStore } from './sessions';
import { userFromToken, type SessionUser } from './sessionUser';

declare module 'express-serve-static-core' {
  interface Request {
    user?: SessionUser;
    sessionToken?: string;
  }
}

/** Loads the session's user onto `req.user` (if any); never fails the request by itself. */
export function loadUser(sessions: SessionStore): RequestHandler {
  return async (req, _res, next) => {
    try {
      const token = sessions.tokenFromCookieHeader(req.headers.cookie);
      const user = await userFromToken(sessions, token);
      if (user && token) {
        req.user = user;
        req.sessionToken = token;
      }
      next();
    } catch (err) {
      next(err);
    }
  };
}

export function currentUser(req: Request): SessionUser {
  if (!req.user) throw new AppError('unauthenticated', 'Log in to continue.');
  return req.user;
}

export const requireUser: RequestHandler = (req, _res, next) => {
  next(req.user ? undefined : new AppError('unauthenticated', 'Log in to continue.'));
};
