import { ConsentBody, CreateSpaceBody, InviteTokenSchema } from '@hearth/shared/api';
import { Router } from 'express';
import { currentUser, requireUser } from '../auth/requireUser';
import { AppError, parseOrThrow } from '../platform/errors';
import { idParam, spaceIdParam } from '../platform/http/routeParams';
import type { HearthEvents } from '../platform/events';
import { setConsent } from './consent.service';
import { acceptInvite } from './invites.service';
import { toSpaceDto, toSpaceDtos } from './spaceDto';
import { createSpace, leaveSpace, listSpaces, spaceForMember } from './spaces.service';

export interface SpacesRouteDeps {
  events: HearthEvents;
  publicOrigin: string;
  /** Called when the last partner leaves: the space and all its data go. */
  onSpaceAbandoned?: (spaceId: string) => Promise<void>;
}

export function spacesRoutes(deps: SpacesRouteDeps): Router {
  const router = Router();
  router.use(['/spaces', '/invites'], requireUser);

  router.post('/spaces', async (req, res) => {
    const body = parseOrThrow(CreateSpaceBody, req.body);
    const space = await createSpace(body.name, currentUser(req).id);
    res.status(201).json({ space: await toSpaceDto(space) });
  });

  router.get('/spaces', async (req, res) => {
    const { spaces, counsels } = await listSpaces(currentUser(req).id);
    res.json({ spaces: await toSpaceDtos(spaces), counsels });
  });

  router.get('/spaces/:spaceId', async (req, res) => {
    const space = await spaceForMember(spaceIdParam(req.params.spaceId), currentUser(req).id);
    res.json({ space: await toSpaceDto(space) });
  });

  router.post('/spaces/:spaceId/leave', async (req, res) => {
    const spaceId = spaceIdParam(req.params.spaceId);
    const result = await leaveSpace(spaceId, currentUser(req).id, deps.events);
    if (result.lastPartnerLeft) await deps.onSpaceAbandoned?.(spaceId);
    res.status(204).end();
  });

  router.post('/spaces/:spaceId/counsellors/:userId/consent', async (req, res) => {
    const spaceId = spaceIdParam(req.params.spaceId);
    const counsellorId = idParam(req.params.userId, 'counsellor in this space');
    const body = parseOrThrow(ConsentBody, req.body);
    res.json({ counsellor: await setConsent(spaceId, currentUser(req).id, counsellorId, body, deps.events) });
  });

  router.post('/invites/:token/accept', async (req, res) => {
    const token = parseInviteToken(req.params.token);
    const spaceId = await acceptInvite(token, currentUser(req).id, deps.events);
    const space = await spaceForMember(spaceId, currentUser(req).id);
    res.json({ space: await toSpaceDto(space) });
  });

  return router;
}

function parseInviteToken(value: unknown): string {
  const token = InviteTokenSchema.safeParse(value);
  if (!token.success) throw new AppError('invite_not_found', 'This invite link is not valid.');
  return token.data;
}
