import { createHash } from 'node:crypto';
import type { InvitePreviewDto } from '@hearth/shared/api';
import { User } from '../auth/user.model';
import { loadSpace } from './access';
import { findMember } from './counsellorAccess';
import { Invite } from './invite.model';

/** A link that names no invite: answered like any other state, so the page can say so calmly. */
const NOT_FOUND: InvitePreviewDto = { state: 'not_found', role: null, spaceName: null, inviterName: null, spaceId: null, expiresAt: null };

/**
 * What an invite link is, checked before anyone presses Accept. Names (space, inviter) are
 * given only while the link is still meant for someone; a spent link says only why.
 */
export async function previewInvite(token: string | null, viewerId: string | null, now = new Date()): Promise<InvitePreviewDto> {
  const invite = token ? await Invite.findOne({ tokenHash: createHash('sha256').update(token).digest('hex') }).lean() : null;
  if (!invite) return NOT_FOUND;
  const role = invite.role;
  const base = { role, expiresAt: invite.expiresAt.toISOString(), spaceName: null, inviterName: null, spaceId: null };
  if (invite.revokedAt) return { ...base, state: 'revoked' };
  if (invite.usedAt) return { ...base, state: 'used' };
  if (invite.expiresAt.getTime() <= now.getTime()) return { ...base, state: 'expired' };
  const space = await loadSpace(invite.spaceId.toString());
  if (!space) return NOT_FOUND;
  const inviter = await User.findById(invite.createdBy, { displayName: 1 }).lean();
  const named = { ...base, spaceName: space.name, inviterName: inviter?.displayName ?? null };
  if (viewerId && findMember(space, viewerId)) return { ...named, state: 'already_member', spaceId: space._id.toString() };
  if (role === 'partner' && space.partnerCount >= 2) return { ...named, state: 'full' };
  return { ...named, state: 'open' };
}
