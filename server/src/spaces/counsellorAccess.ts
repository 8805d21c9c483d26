import type { CounsellorAccess } from '@hearth/shared/api';
import { consentState } from './consentState';
import type { MemberRecord, SpaceRecord } from './space.model';

/**
 * A counsellor's access is derived, never stored (consentState.ts). A space loaded without
 * its consent records (`withConsents`) gives no access: the safe default.
 */
export function counsellorAccess(space: SpaceRecord, member: MemberRecord, now = new Date()): CounsellorAccess {
  return consentState(space, member, now).access;
}

export function findMember(space: SpaceRecord, userId: string): MemberRecord | undefined {
  return space.members.find((m) => m.userId.toString() === userId);
}

/** The role someone acts with in a space right now, or null if they have no live access. */
export function effectiveRole(space: SpaceRecord, userId: string, now = new Date()): 'partner' | 'counsellor' | null {
  const member = findMember(space, userId);
  if (!member) return null;
  if (member.role === 'partner') return 'partner';
  return counsellorAccess(space, member, now) === 'active' ? 'counsellor' : null;
}
