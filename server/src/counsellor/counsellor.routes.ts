import { Router } from 'express';
import { z } from 'zod';
import type { AuditLog } from '../audit/audit.service';
import { User } from '../auth/user.model';
import { currentUser, requireUser } from '../auth/requireUser';
import { parseOrThrow } from '../platform/errors';
import { idParam } from '../platform/http/routeParams';
import type { HearthEvents } from '../platform/events';
import { FORMER_MEMBER } from '../spaces/spaceDto';
import { spaceForPartner } from '../spaces/spaces.service';
import { toCounsellorDto, listCounsellors } from './counsellors.service';
import type { StoredDocs } from '../privacy/storedDocs';
import { counsellorSpaces } from './dashboard.service';
import { setFacilitation } from './facilitation.service';

export interface CounsellorRouteDeps {
  events: HearthEvents;
  audit: AuditLog;
  stored: Pick<StoredDocs, 'lastStoredAt'>;
}

const FacilitationBody = z.strictObject({ allowed: z.boolean() });

/** Counsellor dashboard, the partners' view of counsellors, facilitation and the audit log. */
export function counsellorRoutes(deps: CounsellorRouteDeps): Router {
  const router = Router();

  router.get('/counsellor/spaces', requireUser, async (req, res) => {
    res.json({ spaces: await counsellorSpaces(deps.stored, currentUser(req).id) });
  });

  router.get('/spaces/:spaceId/counsellors', requireUser, async (req, res) => {
    res.json({ counsellors: await listCounsellors(idParam(req.params.spaceId, 'space'), currentUser(req).id) });
  });

  router.post('/spaces/:spaceId/counsellors/:userId/facilitation', requireUser, async (req, res) => {
    const spaceId = idParam(req.params.spaceId, 'space');
    const counsellorId = idParam(req.params.userId, 'counsellor in this space');
    const body = parseOrThrow(FacilitationBody, req.body);
    const space = await setFacilitation(spaceId, currentUser(req).id, counsellorId, body.allowed, deps.events);
    const user = await User.findById(counsellorId, { displayName: 1 }).lean();
    res.json({ counsellor: toCounsellorDto(space, counsellorId, user?.displayName ?? FORMER_MEMBER) });
  });

  // Partners only: a counsellor with access gets 403, anyone else the usual 404.
  router.get('/spaces/:spaceId/audit', requireUser, async (req, res) => {
    const spaceId = idParam(req.params.spaceId, 'space');
    await spaceForPartner(spaceId, currentUser(req).id);
    res.setHeader('Cache-Control', 'no-store');
    res.json({ entries: await deps.audit.list(spaceId) });
  });

  return router;
}
