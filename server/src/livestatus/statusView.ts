import type { SpaceEndReason, SpaceStatus } from '@hearth/shared/socket';
import { memberOf, nameOf, type SpaceSnapshot } from './snapshot';
import { noticesFor } from './statusNotices';

/**
 * One person's live status of a space: the space as they may see it, partner-only facts for
 * partners, and what just changed in words. `before` is the previous snapshot (null on first
 * look), `actorId` who caused the change (null for timers). Returns null when the person was
 * never a member: they are told nothing, exactly as the HTTP API answers 404.
 */
export function statusFor(
  after: SpaceSnapshot | null,
  before: SpaceSnapshot | null,
  spaceId: string,
  userId: string,
  actorId: string | null,
  /** The person is in the space's status room, which only a member could join. */
  watching = false,
): SpaceStatus | null {
  const wasMember = before ? memberOf(before, userId) : undefined;
  // Without an earlier snapshot (another node handled the last change) a watcher still was one.
  const knownMember = wasMember !== undefined || watching;
  if (!after) {
    if (!knownMember) return null;
    return ended(
      spaceId,
      'deleted',
      before && wasMember ? deletedMessage(before, wasMember.role, userId, actorId) : 'This space was deleted.',
    );
  }
  const member = memberOf(after, userId);
  if (!member) {
    if (!knownMember) return null;
    return ended(
      spaceId,
      actorId === userId ? 'left' : 'removed',
      actorId === userId ? 'You left this space.' : 'You are no longer a member of this space.',
    );
  }
  if (member.role === 'counsellor') {
    if (member.access === 'withdrawn') {
      // Declined before both had consented: naming who would tell which partner had not.
      if (wasMember?.access === 'pending') return ended(spaceId, 'withdrawn', `The invitation to accompany ${after.name} was declined.`);
      const by = actorId && memberOf(after, actorId)?.role === 'partner' ? nameOf(after, actorId) : 'a partner';
      return ended(spaceId, 'withdrawn', `Your access to ${after.name} ended: ${by} withdrew consent.`);
    }
    if (member.access === 'expired') {
      return ended(spaceId, 'expired', `Your access to ${after.name} ended on the end date the couple set.`);
    }
  }
  const isPartner = member.role === 'partner';
  return {
    spaceId,
    state: 'open',
    space: after.dto,
    role: member.role,
    partner: isPartner
      ? { counsellors: after.counsellors, deletionRequestedBy: after.deletionRequestedBy, openInvites: after.openInvites }
      : null,
    notices: before ? noticesFor(before, after, userId, actorId) : [],
  };
}

/** Whether this person may watch the space at all (partner, or counsellor pending or active). */
export function mayWatch(snapshot: SpaceSnapshot, userId: string): boolean {
  const member = memberOf(snapshot, userId);
  if (!member) return false;
  return member.role === 'partner' || member.access === 'pending' || member.access === 'active';
}

function ended(spaceId: string, reason: SpaceEndReason, message: string): SpaceStatus {
  return { spaceId, state: 'ended', reason, message };
}

function deletedMessage(before: SpaceSnapshot, role: 'partner' | 'counsellor', userId: string, actorId: string | null): string {
  const partners = before.dto.members.filter((m) => m.role === 'partner').length;
  if (role === 'counsellor') return `Your access to ${before.name} ended: the couple deleted the space.`;
  if (partners >= 2) return 'This space was deleted by both partners.';
  return actorId === userId ? 'You deleted this space.' : 'This space was deleted.';
}
