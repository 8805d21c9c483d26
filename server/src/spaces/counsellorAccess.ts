import type { CounsellorAccess } from '@hearth/shared/api';
import type { MemberRecord, SpaceRecord } from './space.model';

/**
 * A counsellor's access is derived, never stored: active only while every current partner
 * has consented, it has not been withdrawn, and its end date (if any) is in the future.
 */
export function counsellorAccess(space: SpaceRecord, member: MemberRecord, now = new Date()): CounsellorAccess {
  if (member.withdrawnAt) return 'withdrawn';
  if (member.until && member.until.getTime() <= now.getTime()) return 'expired';
  const partners = space.members.filter((m) => m.role === 'partner').map((m) => m.userId.toString());
  const consent = new Set(member.consentBy ?? []);
  const allConsented = partners.length > 0 && partners.every((p) => consent.has(p));
  return allConsented ? 'active' : 'pending';
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
