import type { CounsellorMemberDto } from '@hearth/shared/api';
import { User } from '../auth/user.model';
import { trusted } from '../platform/db/trusted';
import { toAccessDto } from '../spaces/consent.service';
import { FORMER_MEMBER } from '../spaces/spaceDto';
import type { SpaceRecord } from '../spaces/space.model';
import { spaceForPartner } from '../spaces/spaces.service';

export type { CounsellorMemberDto };

export function toCounsellorDto(space: SpaceRecord, userId: string, displayName: string): CounsellorMemberDto {
  const member = space.members.find((m) => m.userId.toString() === userId);
  return { ...toAccessDto(space, userId), displayName, canFacilitate: member?.canFacilitate === true };
}

/** The counsellors of a space with their consent state, for the partners' consent panel. */
export async function listCounsellors(spaceId: string, partnerId: string): Promise<CounsellorMemberDto[]> {
  const space = await spaceForPartner(spaceId, partnerId);
  const ids = space.members.filter((m) => m.role === 'counsellor').map((m) => m.userId.toString());
  const users = await User.find({ _id: trusted({ $in: ids }) }, { displayName: 1 }).lean();
  const names = new Map(users.map((u) => [u._id.toString(), u.displayName]));
  return ids.map((id) => toCounsellorDto(space, id, names.get(id) ?? FORMER_MEMBER));
}
