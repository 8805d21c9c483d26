import { createHash, randomBytes } from 'node:crypto';
import type { InviteDto, MemberRole } from '@hearth/shared/api';
import { atomicWrite } from '../platform/db/atomicWrite';
import { trusted } from '../platform/db/trusted';
import { AppError } from '../platform/errors';
import type { HearthEvents } from '../platform/events';
import { Invite } from './invite.model';
import { addMember } from './spaces.service';

export const INVITE_DAYS = 7;

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createInvite(spaceId: string, role: MemberRole, createdBy: string, publicOrigin: string): Promise<InviteDto> {
  const token = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + INVITE_DAYS * 86_400_000);
  await Invite.create({ tokenHash: hashToken(token), spaceId, role, createdBy, expiresAt });
  return { token, role, expiresAt: expiresAt.toISOString(), url: `${publicOrigin}/invite/${token}` };
}

export async function revokeInvite(spaceId: string, token: string): Promise<void> {
  const result = await atomicWrite(Invite, () =>
    Invite.updateOne({ tokenHash: hashToken(token), spaceId, usedAt: null, revokedAt: null }, { $set: { revokedAt: new Date() } }),
  );
  if (result.matchedCount === 0) throw new AppError('invite_not_found', 'No open invite with that token in this space.');
}

/** What an invite link is, without accepting it (for the invite page). */
export async function describeInvite(token: string): Promise<{ spaceId: string; role: MemberRole }> {
  const invite = await Invite.findOne({ tokenHash: hashToken(token) }).lean();
  assertUsable(invite);
  return { spaceId: invite.spaceId.toString(), role: invite.role };
}

/**
 * Single use without a transaction: the invite is claimed by one conditional update from
 * open to used (atomicWrite makes that exactly-once on the embedded database too), then the
 * member is added; if adding fails (space full, already a member, its creator has left) the
 * claim is undone. Every other simultaneous accept gets `invite_used`.
 */
export async function acceptInvite(token: string, userId: string, events: HearthEvents): Promise<string> {
  const tokenHash = hashToken(token);
  const now = new Date();
  const invite = await atomicWrite(Invite, () =>
    Invite.findOneAndUpdate(
      { tokenHash, usedAt: null, revokedAt: null, expiresAt: trusted({ $gt: now }) },
      { $set: { usedAt: now, usedBy: userId } },
      { returnDocument: 'after' },
    ).lean(),
  );
  if (!invite) {
    assertUsable(await Invite.findOne({ tokenHash }).lean());
    throw new AppError('invite_used', 'This invite has already been used.');
  }
  const spaceId = invite.spaceId.toString();
  try {
    await addMember(spaceId, userId, invite.role, { invitedBy: invite.createdBy.toString() });
  } catch (err) {
    const revoked = err instanceof AppError && err.code === 'invite_revoked';
    await atomicWrite(Invite, () =>
      Invite.updateOne(
        { _id: invite._id },
        { $set: revoked ? { revokedAt: now, usedAt: null, usedBy: null } : { usedAt: null, usedBy: null } },
      ),
    );
    throw err;
  }
  // A new partner changes the partner set (counsellors need consent again); a returning
  // counsellor starts a new engagement.
  events.emit('access:changed', { spaceId });
  events.emit('space:changed', { spaceId });
  return spaceId;
}

type InviteLean = { usedAt?: Date | null; revokedAt?: Date | null; expiresAt: Date; spaceId: { toString(): string }; role: string };

function assertUsable(invite: InviteLean | null): asserts invite is InviteLean {
  if (!invite) throw new AppError('invite_not_found', 'This invite link is not valid.');
  if (invite.revokedAt) throw new AppError('invite_revoked', 'This invite was withdrawn.');
  if (invite.usedAt) throw new AppError('invite_used', 'This invite has already been used.');
  if (invite.expiresAt.getTime() <= Date.now()) throw new AppError('invite_expired', 'This invite has expired.');
}
