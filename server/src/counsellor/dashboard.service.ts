import type { CounsellorSpaceDto } from '@hearth/shared/api';
import { docNameOf } from '@hearth/shared/realtime';
import { User } from '../auth/user.model';
import { AuditEntry } from '../audit/audit.model';
import { trusted } from '../platform/db/trusted';
import { lastStoredAt } from '../privacy/storedDocs';
import { counsellorAccess, findMember } from '../spaces/counsellorAccess';
import { FORMER_MEMBER } from '../spaces/spaceDto';
import { Space, type SpaceRecord } from '../spaces/space.model';

export type { CounsellorSpaceDto };

/** The counsellor dashboard: spaces with access active or pending, most recently active first. */
export async function counsellorSpaces(userId: string): Promise<CounsellorSpaceDto[]> {
  const spaces = await Space.find({ memberIds: userId }).lean<SpaceRecord[]>();
  const mine = spaces.flatMap((space) => {
    const member = findMember(space, userId);
    if (!member || member.role !== 'counsellor') return [];
    const access = counsellorAccess(space, member);
    return access === 'active' || access === 'pending' ? [{ space, member, access }] : [];
  });
  const partnerIds = mine.flatMap(({ space }) => space.members.filter((m) => m.role === 'partner').map((m) => m.userId));
  const users = await User.find({ _id: trusted({ $in: partnerIds }) }, { displayName: 1 }).lean();
  const names = new Map(users.map((u) => [u._id.toString(), u.displayName]));

  const rows = await Promise.all(
    mine.map(async ({ space, member, access }): Promise<CounsellorSpaceDto> => {
      const spaceId = space._id.toString();
      return {
        id: spaceId,
        name: space.name,
        access,
        until: member.until ? member.until.toISOString() : null,
        canFacilitate: member.canFacilitate === true,
        partners: space.members
          .filter((m) => m.role === 'partner')
          .map((m) => ({
            userId: m.userId.toString(),
            displayName: names.get(m.userId.toString()) ?? FORMER_MEMBER,
          })),
        lastActivityAt: access === 'active' ? await lastActivity(spaceId) : null,
      };
    }),
  );
  return rows.sort((a, b) => (b.lastActivityAt ?? '').localeCompare(a.lastActivityAt ?? '') || a.name.localeCompare(b.name));
}

async function lastActivity(spaceId: string): Promise<string | null> {
  const [board, audit] = await Promise.all([
    lastStoredAt(docNameOf({ kind: 'space', spaceId })),
    AuditEntry.findOne({ spaceId }, { at: 1 }).sort({ at: -1 }).lean(),
  ]);
  const times = [board, audit?.at].filter((d): d is Date => d instanceof Date).map((d) => d.getTime());
  return times.length ? new Date(Math.max(...times)).toISOString() : null;
}
