import mongoose from 'mongoose';
import { AppError } from '../platform/errors';
import type { HearthEvents } from '../platform/events';
import { counsellorAccess, findMember } from '../spaces/counsellorAccess';
import { Space, type SpaceRecord } from '../spaces/space.model';
import { spaceForPartner } from '../spaces/spaces.service';

/**
 * Whether a counsellor may facilitate exercises (start, pause, advance — never answer) in a
 * space: only while their access is active and a partner has allowed it. One partner's
 * permission is enough because facilitating shows the counsellor nothing new; either partner
 * can turn it off again at any time.
 */
export async function counsellorCanFacilitate(spaceId: string, userId: string): Promise<boolean> {
  if (!mongoose.isValidObjectId(spaceId)) return false;
  const space = await Space.findById(spaceId).lean<SpaceRecord>();
  const member = space && findMember(space, userId);
  if (!space || !member || member.role !== 'counsellor') return false;
  return member.canFacilitate === true && counsellorAccess(space, member) === 'active';
}

export async function setFacilitation(
  spaceId: string,
  partnerId: string,
  counsellorId: string,
  allowed: boolean,
  events: HearthEvents,
): Promise<SpaceRecord> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const space = await spaceForPartner(spaceId, partnerId);
    const member = findMember(space, counsellorId);
    if (!member || member.role !== 'counsellor') throw new AppError('not_found', 'No such counsellor in this space.');
    const access = counsellorAccess(space, member);
    if (access === 'withdrawn' || access === 'expired') {
      throw new AppError('conflict', 'This counsellor no longer has access; invite them again.');
    }
    const members = space.members.map((m) => (m === member ? { ...m, canFacilitate: allowed } : m));
    const result = await Space.updateOne({ _id: space._id, updatedAt: space.updatedAt }, { $set: { members } });
    if (result.modifiedCount === 1) {
      events.emit('space:changed', { spaceId });
      return (await Space.findById(space._id).lean<SpaceRecord>())!;
    }
  }
  throw new AppError('conflict', 'The space changed meanwhile; try again.');
}
