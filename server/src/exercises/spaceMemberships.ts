import { effectiveRole } from '../spaces/counsellorAccess';
import { loadSpace } from '../spaces/access';
import type { ExerciseMemberships } from './exercises.socket';

/**
 * The memberships exercises need, read from the space document on every call, so a partner
 * who left or a counsellor whose consent was withdrawn loses access at their next action.
 */
export const spaceMemberships: Required<ExerciseMemberships> = {
  async roleIn(spaceId, userId) {
    const space = await loadSpace(spaceId);
    return space ? effectiveRole(space, userId) : null;
  },

  /** Partners in the order they joined: the creator first. */
  async partnersOf(spaceId) {
    const space = await loadSpace(spaceId);
    if (!space) return [];
    return space.members
      .filter((m) => m.role === 'partner')
      .sort((a, b) => a.joinedAt.getTime() - b.joinedAt.getTime())
      .map((m) => m.userId.toString());
  },

  async counsellorCanFacilitate(spaceId, userId) {
    const space = await loadSpace(spaceId);
    if (!space || !userId) return false;
    const member = space.members.find((m) => m.userId.toString() === userId && m.role === 'counsellor');
    return member?.canFacilitate === true && effectiveRole(space, userId) === 'counsellor';
  },
};
