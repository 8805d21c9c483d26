import { ObjectIdSchema } from '@hearth/shared/api';
import { Router } from 'express';
import { z } from 'zod';
import type { AuditLog } from '../audit/audit.service';
import { currentUser, requireUser } from '../auth/requireUser';
import type { SessionStore } from '../auth/sessions';
import { AppError, parseOrThrow } from '../platform/errors';
import { spaceIdParam } from '../platform/http/routeParams';
import { take, type Limits } from '../platform/limits';
import { deleteAccount } from './accountErasure';
import { runStore } from '../exercises/runStore';
import { spaceForPartner } from '../spaces/spaces.service';
import { leaveSafely, type LeaveSafelyDeps } from './leaveSafely';
import { buildExport } from './export.service';
import { exportToMarkdown } from './exportMarkdown';
import { cancelSpaceDeletion, deletionRequests, requestSpaceDeletion } from './spaceErasure';

export interface PrivacyRouteDeps extends LeaveSafelyDeps {
  audit: AuditLog;
  /** To clear the cookie of a deleted account. */
  sessions: SessionStore;
  limits: Limits;
}

const DeleteAccountBody = z.strictObject({ password: z.string().min(1).max(256) });
const LeaveSafelyBody = z.strictObject({ sharedItems: z.enum(['keep', 'anonymise', 'delete']) });
const ExportQuery = z.strictObject({ format: z.enum(['json', 'md']).default('json') });

/** Export and erasure (docs/api.md, "Counsellor, audit, export and erasure"). */
export function privacyRoutes(deps: PrivacyRouteDeps): Router {
  const router = Router();
  // A session alone must not be enough to guess the password: 5 checks per 15 minutes,
  // each taken before the password is checked so simultaneous tries cannot exceed it.
  const passwordTries = deps.limits.create({ name: 'delete-account', points: 5, durationSec: 15 * 60 });

  router.get('/spaces/:spaceId/export', requireUser, async (req, res) => {
    const spaceId = spaceIdParam(req.params.spaceId);
    const { format } = parseOrThrow(ExportQuery, { ...req.query });
    const data = await buildExport(deps.stored, spaceId, currentUser(req), deps.audit, format);
    const base = `hearth-${
      data.space.name
        .replace(/[^A-Za-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
        .toLowerCase() || 'space'
    }-${data.exportedAt.slice(0, 10)}`;
    res.setHeader('Cache-Control', 'no-store');
    if (format === 'md') {
      res.setHeader('Content-Disposition', `attachment; filename="${base}.md"`);
      res.type('text/markdown; charset=utf-8').send(exportToMarkdown(data));
      return;
    }
    res.setHeader('Content-Disposition', `attachment; filename="${base}.json"`);
    res.json(data);
  });

  router.delete('/me', requireUser, async (req, res) => {
    const body = parseOrThrow(DeleteAccountBody, req.body ?? {});
    const userId = currentUser(req).id;
    await take(passwordTries, userId, 'Too many password attempts.');
    await deleteAccount(userId, body.password, deps);
    deps.sessions.clearCookie(res);
    res.status(204).end();
  });

  router.delete('/spaces/:spaceId', requireUser, async (req, res) => {
    const result = await requestSpaceDeletion(spaceIdParam(req.params.spaceId), currentUser(req).id, deps);
    if (result.done) return void res.status(204).end();
    res.status(202).json({ pending: true, requestedBy: result.requestedBy });
  });

  // Leave safely (docs/privacy.md): shared items handled as chosen, "only me" erased, then leave.
  router.post('/spaces/:spaceId/leave-safely', requireUser, async (req, res) => {
    const body = parseOrThrow(LeaveSafelyBody, req.body);
    const result = await leaveSafely(spaceIdParam(req.params.spaceId), currentUser(req).id, body.sharedItems, deps);
    res.json(result);
  });

  // Either partner deletes one ended exercise session (retention by hand).
  router.delete('/spaces/:spaceId/exercises/:sessionId', requireUser, async (req, res) => {
    const spaceId = spaceIdParam(req.params.spaceId);
    await spaceForPartner(spaceId, currentUser(req).id);
    const id = ObjectIdSchema.safeParse(req.params.sessionId);
    if (!id.success || !(await runStore.deleteEnded(spaceId, id.data))) {
      throw new AppError('not_found', 'No such ended exercise in this space.');
    }
    res.status(204).end();
  });

  router.get('/spaces/:spaceId/deletion', requireUser, async (req, res) => {
    res.json({ requestedBy: await deletionRequests(spaceIdParam(req.params.spaceId), currentUser(req).id) });
  });

  router.delete('/spaces/:spaceId/deletion', requireUser, async (req, res) => {
    await cancelSpaceDeletion(spaceIdParam(req.params.spaceId), currentUser(req).id, deps);
    res.status(204).end();
  });

  return router;
}
