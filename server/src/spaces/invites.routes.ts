import { CreateInviteBody, InviteTokenSchema, ObjectIdSchema } from '@hearth/shared/api';
import { Router } from 'express';
import { currentUser, requireUser } from '../auth/requireUser';
import { AppError, parseOrThrow } from '../platform/errors';
import { spaceIdParam } from '../platform/http/routeParams';
import type { HearthEvents } from '../platform/events';
import { previewInvite } from './invitePreview.service';
import { revokeInvite } from './invites.service';
import { createSpaceInvite, revokeOpenInvite } from './partnerInvite';
import { spaceForPartner } from './spaces.service';

export interface InviteRouteDeps {
  events: HearthEvents;
  publicOrigin: string;
}

function tokenParam(value: unknown, message: string): string {
  const token = InviteTokenSchema.safeParse(value);
  if (!token.success) throw new AppError('invite_not_found', message);
  return token.data;
}

/** Making, withdrawing and previewing invite links (accepting one is in spaces.routes.ts). */
export function inviteRoutes(deps: InviteRouteDeps): Router {
  const router = Router();

  // Open to anyone holding the link, logged in or not: the page names who invited them. An
  // unknown or malformed link is a state of the answer (200, `not_found`), not an error.
  router.get('/invites/:token', async (req, res) => {
    const parsed = InviteTokenSchema.safeParse(req.params.token);
    const token = parsed.success ? parsed.data : null;
    res.setHeader('Cache-Control', 'no-store');
    res.json({ invite: await previewInvite(token, req.user?.id ?? null) });
  });

  router.post('/spaces/:spaceId/invites', requireUser, async (req, res) => {
    const spaceId = spaceIdParam(req.params.spaceId);
    const space = await spaceForPartner(spaceId, currentUser(req).id);
    const body = parseOrThrow(CreateInviteBody, req.body);
    res.status(201).json({ invite: await createSpaceInvite(space, body.role, currentUser(req).id, deps.publicOrigin, deps.events) });
  });

  router.delete('/spaces/:spaceId/invites/:token', requireUser, async (req, res) => {
    const spaceId = spaceIdParam(req.params.spaceId);
    await spaceForPartner(spaceId, currentUser(req).id);
    await revokeInvite(spaceId, tokenParam(req.params.token, 'No open invite with that token in this space.'));
    deps.events.emit('space:changed', { spaceId });
    res.status(204).end();
  });

  // A link made in another tab or before a reload is known here only by its id.
  router.delete('/spaces/:spaceId/open-invites/:inviteId', requireUser, async (req, res) => {
    const spaceId = spaceIdParam(req.params.spaceId);
    await spaceForPartner(spaceId, currentUser(req).id);
    const inviteId = ObjectIdSchema.safeParse(req.params.inviteId);
    if (!inviteId.success || !(await revokeOpenInvite(spaceId, inviteId.data))) {
      throw new AppError('invite_not_found', 'No open invite with that id in this space.');
    }
    deps.events.emit('space:changed', { spaceId });
    res.status(204).end();
  });

  return router;
}
