import { AccountSettingsPatch, ChangePasswordBody, SessionIdSchema } from '@hearth/shared/api';
import { Router, type Request } from 'express';
import { AppError, parseOrThrow } from '../platform/errors';
import { take, type Limits } from '../platform/limits';
import type { AccountService } from './account.service';
import { currentUser, requireUser } from './requireUser';
import type { SessionStore } from './sessions';

/** The account safety centre (docs/api.md, "Account safety"). Everything here is the owner's only. */
export function accountRoutes(account: AccountService, sessions: SessionStore, limits: Limits): Router {
  const router = Router();
  // A session alone must not be enough to guess the password: 5 tries per 15 minutes, each
  // slot taken before the check so simultaneous tries cannot get past the limit.
  const passwordTries = limits.create({ name: 'change-password', points: 5, durationSec: 15 * 60 });

  const currentSessionId = (req: Request): string => {
    if (!req.sessionToken) throw new AppError('unauthenticated', 'Log in to continue.');
    return sessions.idOf(req.sessionToken);
  };

  router.use('/me', (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });

  router.get('/me/sessions', requireUser, async (req, res) => {
    res.json({ sessions: await account.listSessions(currentUser(req).id, currentSessionId(req)) });
  });

  router.delete('/me/sessions/:id', requireUser, async (req, res) => {
    const parsed = SessionIdSchema.safeParse(req.params.id);
    if (!parsed.success) throw new AppError('not_found', 'No such session.');
    if (parsed.data === currentSessionId(req)) {
      throw new AppError('invalid_input', 'id: this is the session you are using; sign out instead');
    }
    await account.endSession(currentUser(req).id, parsed.data);
    res.status(204).end();
  });

  router.delete('/me/sessions', requireUser, async (req, res) => {
    const ended = await account.endOtherSessions(currentUser(req).id, currentSessionId(req));
    res.json({ ended });
  });

  router.post('/me/password', requireUser, async (req, res) => {
    const body = parseOrThrow(ChangePasswordBody, req.body);
    const userId = currentUser(req).id;
    await take(passwordTries, userId, 'Too many password attempts.');
    await account.changePassword(userId, currentSessionId(req), body.current, body.next);
    res.status(204).end();
  });

  router.get('/me/sign-ins', requireUser, async (req, res) => {
    res.json({ signIns: await account.signInNotices(currentUser(req).id, currentSessionId(req)) });
  });

  router.post('/me/sign-ins/seen', requireUser, async (req, res) => {
    await account.acknowledgeSignIns(currentSessionId(req));
    res.status(204).end();
  });

  router.get('/me/settings', requireUser, async (req, res) => {
    res.json({ settings: await account.settings(currentUser(req).id) });
  });

  router.patch('/me/settings', requireUser, async (req, res) => {
    const patch = parseOrThrow(AccountSettingsPatch, req.body);
    res.json({ settings: await account.updateSettings(currentUser(req).id, patch) });
  });

  // The device copy's key: derived from this session, so it dies with it (see offlineCopy).
  router.get('/me/device-key', requireUser, (req, res) => {
    if (!req.sessionToken) throw new AppError('unauthenticated', 'Log in to continue.');
    res.json({ key: sessions.deviceKeyOf(req.sessionToken) });
  });

  return router;
}
