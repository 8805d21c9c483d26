import type { SpaceDto } from '@hearth/shared/api';
import { User } from '../auth/user.model';
import { trusted } from '../platform/db/trusted';
import { counsellorAccess } from './counsellorAccess';
import type { SpaceRecord } from './space.model';

/** Former members whose account is gone are shown by this name. */
export const FORMER_MEMBER = 'Former member';

export async function toSpaceDtos(spaces: SpaceRecord[]): Promise<SpaceDto[]> {
  const ids = [...new Set(spaces.flatMap((s) => s.members.map((m) => m.userId.toString())))];
  const users = await User.find({ _id: trusted({ $in: ids }) }, { displayName: 1 }).lean();
  const names = new Map(users.map((u) => [u._id.toString(), u.displayName]));
  const now = new Date();
  return spaces.map((space) => ({
    id: space._id.toString(),
    name: space.name,
    members: space.members.map((m) => ({
      userId: m.userId.toString(),
      displayName: names.get(m.userId.toString()) ?? FORMER_MEMBER,
      role: m.role,
      ...(m.role === 'counsellor' ? { access: counsellorAccess(space, m, now) } : {}),
    })),
  }));
}

export async function toSpaceDto(space: SpaceRecord): Promise<SpaceDto> {
  const [dto] = await toSpaceDtos([space]);
  return dto!;
}
