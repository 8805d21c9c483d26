import mongoose from 'mongoose';
import { Invite } from './invite.model';
import { atomicWrite } from '../platform/db/atomicWrite';
import { AppError } from '../platform/errors';
import type { HearthEvents } from '../platform/events';
import { counsellorAccess, findMember } from './counsellorAccess';
import { Space, type MemberRecord, type SpaceRecord } from './space.model';
import { loadSpace, loadSpacesOf, modifySpace } from './spaceWrites';

/**
 * A space as its member sees it. Anyone else — stranger, former member, a counsellor whose
 * access was withdrawn or expired — gets the same 404 as for a space that does not exist.
 */
export async function spaceForMember(spaceId: string, userId: string): Promise<SpaceRecord> {
  const space = await loadSpace(spaceId);
  const member = space && findMember(space, userId);
  if (!space || !member) throw new AppError('not_found', 'No such space.');
  if (member.role === 'counsellor') {
    const access = counsellorAccess(space, member);
    if (access === 'withdrawn' || access === 'expired') throw new AppError('not_found', 'No such space.');
  }
  return space;
}

export async function spaceForPartner(spaceId: string, userId: string): Promise<SpaceRecord> {
  const space = await spaceForMember(spaceId, userId);
  if (findMember(space, userId)?.role !== 'partner') {
    throw new AppError('forbidden', 'Only the partners of this space can do that.');
  }
  return space;
}

export async function createSpace(name: string, userId: string): Promise<SpaceRecord> {
  const now = new Date();
  const space = await Space.create({
    name,
    members: [{ userId, role: 'partner', joinedAt: now }],
    memberIds: [userId],
    partnerCount: 1,
    partnersChangedAt: now,
  });
  const record: SpaceRecord = space.toObject();
  return { ...record, consents: [] };
}

/**
 * The spaces a person's home lists, and whether they are a counsellor in any space at all —
 * also one whose access ended (that space is not listed, but their home is a counsellor's,
 * not a couple's first steps).
 */
export async function listSpaces(userId: string): Promise<{ spaces: SpaceRecord[]; counsels: boolean }> {
  const all = await loadSpacesOf(userId);
  const spaces = all.filter((space) => {
    const member = findMember(space, userId);
    if (!member) return false;
    if (member.role === 'partner') return true;
    const access = counsellorAccess(space, member);
    return access === 'active' || access === 'pending';
  });
  return { spaces, counsels: all.some((space) => findMember(space, userId)?.role === 'counsellor') };
}

export interface AddMemberOptions {
  /** The partner whose invite this is: the invite dies with their membership. */
  invitedBy?: string;
}

/**
 * Adds a member in one conditional write (spaceWrites.ts): a third partner or a second join
 * is refused. A counsellor whose access was withdrawn or expired may come back through a new
 * invite: that starts a new engagement, which both partners must consent to afresh. A partner
 * joining changes the partner set, so every counsellor needs consent again.
 */
export async function addMember(
  spaceId: string,
  userId: string,
  role: 'partner' | 'counsellor',
  opts: AddMemberOptions = {},
): Promise<void> {
  const uid = new mongoose.Types.ObjectId(userId);
  await modifySpace(spaceId, (space) => {
    if (opts.invitedBy && findMember(space, opts.invitedBy)?.role !== 'partner') {
      throw new AppError('invite_revoked', 'This invite was withdrawn: the partner who made it has left the space.');
    }
    const now = new Date();
    const fresh: MemberRecord = { userId: uid, role, joinedAt: now };
    const existing = findMember(space, userId);
    if (existing) {
      const access = existing.role === 'counsellor' ? counsellorAccess(space, existing, now) : null;
      if (role !== 'counsellor' || (access !== 'withdrawn' && access !== 'expired')) {
        throw new AppError('already_member', 'You are already a member of this space.');
      }
      return { members: space.members.map((m) => (m === existing ? fresh : m)) };
    }
    if (role === 'partner' && space.partnerCount >= 2) throw new AppError('space_full', 'This space already has two partners.');
    return {
      members: [...space.members, fresh],
      memberIds: [...space.memberIds, uid],
      ...(role === 'partner' ? { partnerCount: space.partnerCount + 1, partnersChangedAt: now } : {}),
    };
  });
}

export interface LeaveResult {
  /** True when the last partner left and the space is now empty of partners. */
  lastPartnerLeft: boolean;
}

export async function leaveSpace(spaceId: string, userId: string, events: HearthEvents): Promise<LeaveResult> {
  await spaceForMember(spaceId, userId);
  const done = await modifySpace(spaceId, (space) => removal(space, userId));
  if (!done) throw new AppError('not_found', 'No such space.');
  const member = findMember(done.before, userId)!;
  if (member.role === 'partner') await revokeInvitesOf(spaceId, userId);
  announceRemoval(events, spaceId, userId, member.role);
  return { lastPartnerLeft: member.role === 'partner' && done.before.partnerCount <= 1 };
}

/** The change that takes one member out of a space (null if they are not in it). */
export function removal(space: SpaceRecord, userId: string) {
  const member = findMember(space, userId);
  if (!member) return null;
  const partner = member.role === 'partner';
  return {
    members: space.members.filter((m) => m !== member),
    memberIds: space.memberIds.filter((id) => !id.equals(member.userId)),
    partnerCount: space.partnerCount - (partner ? 1 : 0),
    deletionRequestedBy: (space.deletionRequestedBy ?? []).filter((id) => id !== userId),
    ...(partner ? { partnersChangedAt: new Date() } : {}),
  };
}

export function announceRemoval(events: HearthEvents, spaceId: string, userId: string, role: MemberRecord['role']): void {
  events.emit('access:changed', { spaceId, userId });
  // Consent was given by the partners present; a change of that set ends counsellor access.
  if (role === 'partner') events.emit('access:changed', { spaceId });
  events.emit('space:changed', { spaceId });
}

/** An invite dies with its creator's membership. */
export async function revokeInvitesOf(spaceId: string, userId: string): Promise<void> {
  await atomicWrite(Invite, () =>
    Invite.updateMany({ spaceId, createdBy: userId, usedAt: null, revokedAt: null }, { $set: { revokedAt: new Date() } }),
  );
}
