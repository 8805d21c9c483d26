import { Router } from 'express';
import { ActivityQuery } from '@hearth/shared/activity';
import { ObjectIdSchema } from '@hearth/shared/api';
import { currentUser, requireUser } from '../auth/requireUser';
import { AppError, parseOrThrow } from '../platform/errors';
import type { StoredDocs } from '../privacy/storedDocs';
import { activityFor, markActivityRead } from './activity.service';

function spaceIdParam(value: unknown): string {
  const parsed = ObjectIdSchema.safeParse(value);
  if (!parsed.success) throw new AppError('not_found', 'No such space.');
  return parsed.data;
}

/** The activity feed of a space (docs/api.md, "Activity"). */
export function activityRoutes(clock: () => number, stored: Pick<StoredDocs, 'readStoredDoc'>): Router {
  const router = Router();

  router.get('/spaces/:spaceId/activity', requireUser, async (req, res) => {
    const { before } = parseOrThrow(ActivityQuery, req.query);
    res.json(await activityFor(stored, spaceIdParam(req.params.spaceId), currentUser(req).id, before));
  });

  router.post('/spaces/:spaceId/activity/read', requireUser, async (req, res) => {
    const spaceId = spaceIdParam(req.params.spaceId);
    await markActivityRead(stored, spaceId, currentUser(req).id, new Date(clock()));
    res.status(204).end();
  });

  return router;
}
