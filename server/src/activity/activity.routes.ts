import { Router } from 'express';
import { ActivityQuery } from '@hearth/shared/activity';
import { currentUser, requireUser } from '../auth/requireUser';
import { parseOrThrow } from '../platform/errors';
import { spaceIdParam } from '../platform/http/routeParams';
import type { StoredDocs } from '../privacy/storedDocs';
import { activityFor, markActivityRead } from './activity.service';

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
