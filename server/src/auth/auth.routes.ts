import { LoginBody, SignupBody } from '@hearth/shared/api';
import { Router } from 'express';
import { parseOrThrow } from '../platform/errors';
import type { AuthService } from './auth.service';
import { deviceName } from './deviceName';
import { currentUser, requireUser } from './requireUser';
import type { SessionStore } from './sessions';

export function authRoutes(auth: AuthService, sessions: SessionStore): Router {
  const router = Router();

  router.post('/auth/signup', async (req, res) => {
    const body = parseOrThrow(SignupBody, req.body);
    const user = await auth.signup(body);
    const session = await sessions.create(user.id, deviceName(req.headers['user-agent']));
    sessions.setCookie(res, session.token, session.expiresAt);
    res.status(201).json({ user });
  });

  router.post('/auth/login', async (req, res) => {
    const body = parseOrThrow(LoginBody, req.body);
    const user = await auth.login(body, req.ip ?? 'unknown');
    // A previous session on this browser is ended: every login gets a new session id.
    const previous = sessions.tokenFromCookieHeader(req.headers.cookie);
    if (previous) await sessions.destroy(previous);
    const session = await sessions.create(user.id, deviceName(req.headers['user-agent']));
    sessions.setCookie(res, session.token, session.expiresAt);
    res.json({ user });
  });

  router.post('/auth/logout', async (req, res) => {
    const token = sessions.tokenFromCookieHeader(req.headers.cookie);
    if (token) await sessions.destroy(token);
    sessions.clearCookie(res);
    res.status(204).end();
  });

  router.get('/me', requireUser, (req, res) => {
    const user = currentUser(req);
    res.json({ user: { id: user.id, email: user.email, displayName: user.displayName } });
  });

  return router;
}
