import { Router } from 'express';
import { z } from 'zod';
import { ItemId, Visibility } from '@hearth/shared/board';
import { currentUser, requireUser } from '../auth/requireUser';
import { parseOrThrow } from '../platform/errors';
import { idParam } from '../platform/http/routeParams';
import { listVersions, previewVersion, restoreVersion, type VersionDeps } from './versions.service';

const ListQuery = z.strictObject({ visibility: Visibility });
const RestoreBody = z.strictObject({ itemIds: z.array(ItemId).min(1).max(500).optional() });

/** Version history of the board documents (docs/api.md, "Version history"). */
export function versionRoutes(deps: VersionDeps): Router {
  const router = Router();

  router.get('/spaces/:spaceId/versions', requireUser, async (req, res) => {
    const { visibility } = parseOrThrow(ListQuery, req.query);
    res.json({ versions: await listVersions(idParam(req.params.spaceId, 'space'), currentUser(req).id, visibility) });
  });

  router.get('/spaces/:spaceId/versions/:versionId', requireUser, async (req, res) => {
    res.json(await previewVersion(idParam(req.params.spaceId, 'space'), currentUser(req).id, idParam(req.params.versionId, 'version')));
  });

  router.post('/spaces/:spaceId/versions/:versionId/restore', requireUser, async (req, res) => {
    const { itemIds } = parseOrThrow(RestoreBody, req.body);
    const spaceId = idParam(req.params.spaceId, 'space');
    res.json(await restoreVersion(spaceId, currentUser(req).id, idParam(req.params.versionId, 'version'), itemIds, deps));
  });

  return router;
}
