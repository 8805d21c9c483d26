import mongoose from 'mongoose';
import { trusted } from '../platform/db/trusted';
import { AppError } from '../platform/errors';
import type { HearthEvents } from '../platform/events';
import { counsellorAccess, findMember } from './counsellorAccess';
import { Space, type SpaceRecord } from './space.model';

/**
 * A space as its member sees it. Anyone else — stranger, former member, a counsellor whose
 * access was withdrawn or expired — gets the same 404 as for a space that does not exist.
 */
export async function spaceForMember(spaceId: string, userId: string): Promise<SpaceRecord> {
  const space = mongoose.isValidObjectId(spaceId) ? await Space.findById(spaceId).lean<SpaceRecord>() : null;
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
  const space = await Space.create({
    name,
    members: [{ userId, role: 'partner', joinedAt: new Date() }],
    memberIds: [userId],
    partnerCount: 1,
  });
  return space.toObject() as SpaceRecord;
}

export async function listSpaces(userId: string): Promise<SpaceRecord[]> {
  const spaces = await Space.find({ memberIds: userId }).sort({ createdAt: 1 }).lean<SpaceRecord[]>();
  return spaces.filter((space) => {
    const member = findMember(space, userId);
    if (!member) return false;
    if (member.role === 'partner') return true;
    const access = counsellorAccess(space, member);
    return access === 'active' || access === 'pending';
  });
}

/** Adds a member in one atomic update; a third partner or a second join is refused. */
export async function addMember(spaceId: string, userId: string, role: 'partner' | 'counsellor'): Promise<void> {
  const member = { userId, role, joinedAt: new Date(), ...(role === 'counsellor' ? { consentBy: [] } : {}) };
  const filter: Record<string, unknown> = { _id: spaceId, memberIds: trusted({ $ne: new mongoose.Types.ObjectId(userId) }) };
  if (role === 'partner') filter.partnerCount = trusted({ $lt: 2 });
  const result = await Space.updateOne(filter, {
    $push: { members: member, memberIds: userId },
    ...(role === 'partner' ? { $inc: { partnerCount: 1 } } : {}),
  });
  if (result.modifiedCount === 1) return;
  const space = await Space.findById(spaceId).lean<SpaceRecord>();
  if (!space) throw new AppError('not_found', 'No such space.');
  if (findMember(space, userId)) throw new AppError('already_member', 'You are already a member of this space.');
  throw new AppError('space_full', 'This space already has two partners.');
}

export interface LeaveResult {
  /** True when the last partner left and the space is now empty of partners. */
  lastPartnerLeft: boolean;
}

export async function leaveSpace(spaceId: string, userId: string, events: HearthEvents): Promise<LeaveResult> {
  const space = await spaceForMember(spaceId, userId);
  const member = findMember(space, userId)!;
  // Read-modify-write guarded by updatedAt (FerretDB's $pull takes no conditions on subdocuments).
  const result = await Space.updateOne(
    { _id: space._id, updatedAt: space.updatedAt },
    {
      $set: {
        members: space.members.filter((m) => m !== member),
        memberIds: space.memberIds.filter((id) => !id.equals(member.userId)),
        partnerCount: space.partnerCount - (member.role === 'partner' ? 1 : 0),
      },
    },
  );
  if (result.modifiedCount !== 1) throw new AppError('conflict', 'The space changed meanwhile; try again.');
  events.emit('access:changed', { spaceId, userId });
  // Counsellor consent was given by the partners present; a departing partner changes that set.
  if (member.role === 'partner') events.emit('access:changed', { spaceId });
  events.emit('space:changed', { spaceId });
  return { lastPartnerLeft: member.role === 'partner' && space.partnerCount <= 1 };
}
