import { createHash } from 'node:crypto';
import type { InviteDto, MemberRole } from '@hearth/shared/api';
import { AppError } from '../platform/errors';
import { atomicWrite } from '../platform/db/atomicWrite';
import type { HearthEvents } from '../platform/events';
import { Invite } from './invite.model';
import { InviteLockBusy, withInviteLock } from './inviteLock';
import { createInvite } from './invites.service';
import type { SpaceRecord } from './space.model';

/**
 * A new invite link. A space has at most one open partner link: making a new one revokes the
 * previous one (an update from open to revoked) under a per-space lock, so simultaneous
 * requests still leave exactly one link that works. Counsellor links are not limited.
 */
export async function createSpaceInvite(
  space: SpaceRecord,
  role: MemberRole,
  createdBy: string,
  publicOrigin: string,
  events: HearthEvents,
): Promise<InviteDto> {
  const spaceId = space._id.toString();
  let invite: InviteDto;
  if (role === 'partner') {
    try {
      invite = await withInviteLock(`partner:${spaceId}`, async () => {
        await atomicWrite(Invite, () =>
          Invite.updateMany({ spaceId, role: 'partner', usedAt: null, revokedAt: null }, { $set: { revokedAt: new Date() } }),
        );
        return createInvite(spaceId, 'partner', createdBy, publicOrigin);
      });
    } catch (err) {
      if (err instanceof InviteLockBusy) throw new AppError('conflict', 'Another invitation is being made right now; try again.');
      throw err;
    }
  } else {
    invite = await createInvite(spaceId, role, createdBy, publicOrigin);
  }
  const row = await Invite.findOne({ tokenHash: createHash('sha256').update(invite.token).digest('hex') }, { _id: 1 }).lean();
  events.emit('space:changed', { spaceId });
  return { ...invite, ...(row ? { id: row._id.toString() } : {}) };
}

/** Withdraws an open invite by its id (an update from open to revoked); false if none was open. */
export async function revokeOpenInvite(spaceId: string, inviteId: string): Promise<boolean> {
  const result = await atomicWrite(Invite, () =>
    Invite.updateOne({ _id: inviteId, spaceId, usedAt: null, revokedAt: null }, { $set: { revokedAt: new Date() } }),
  );
  return result.matchedCount === 1;
}
