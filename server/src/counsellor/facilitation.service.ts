import { AppError } from '../platform/errors';
import type { HearthEvents } from '../platform/events';
import { counsellorAccess, findMember } from '../spaces/counsellorAccess';
import type { SpaceRecord } from '../spaces/space.model';
import { spaceForPartner } from '../spaces/spaces.service';
import { loadSpace, modifySpace } from '../spaces/spaceWrites';

/**
 * Whether a counsellor may facilitate exercises (start, pause, advance — never answer) in a
 * space: only while their access is active and a partner has allowed it. One partner's
 * permission is enough because facilitating shows the counsellor nothing new; either partner
 * can turn it off again at any time.
 */
export async function counsellorCanFacilitate(spaceId: string, userId: string): Promise<boolean> {
  const space = await loadSpace(spaceId);
  const member = space && findMember(space, userId);
  if (!space || !member || member.role !== 'counsellor') return false;
  return member.canFacilitate === true && counsellorAccess(space, member) === 'active';
}

/** One conditional write of the space (spaceWrites.ts): never 200 for a change not applied. */
export async function setFacilitation(
  spaceId: string,
  partnerId: string,
  counsellorId: string,
  allowed: boolean,
  events: HearthEvents,
): Promise<SpaceRecord> {
  await spaceForPartner(spaceId, partnerId);
  const done = await modifySpace(spaceId, (space) => {
    if (findMember(space, partnerId)?.role !== 'partner') throw new AppError('forbidden', 'Only the partners of this space can do that.');
    const member = findMember(space, counsellorId);
    if (!member || member.role !== 'counsellor') throw new AppError('not_found', 'No such counsellor in this space.');
    const access = counsellorAccess(space, member);
    if (access === 'withdrawn' || access === 'expired') {
      throw new AppError('conflict', 'This counsellor no longer has access; invite them again.');
    }
    return { members: space.members.map((m) => (m === member ? { ...m, canFacilitate: allowed } : m)) };
  });
  events.emit('space:changed', { spaceId });
  return done!.after;
}
