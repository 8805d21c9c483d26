import type { CounsellorSpaceDto } from '@hearth/shared/api';
import { docNameOf } from '@hearth/shared/realtime';
import { User } from '../auth/user.model';
import { AuditEntry } from '../audit/audit.model';
import { trusted } from '../platform/db/trusted';
import type { StoredDocs } from '../privacy/storedDocs';
import { consentState } from '../spaces/consentState';
import { findMember } from '../spaces/counsellorAccess';
import { FORMER_MEMBER } from '../spaces/spaceDto';
import { loadSpacesOf } from '../spaces/spaceWrites';

export type { CounsellorSpaceDto };

/** The counsellor dashboard: spaces with access active or pending, most recently active first. */
export async function counsellorSpaces(stored: Pick<StoredDocs, 'lastStoredAt'>, userId: string): Promise<CounsellorSpaceDto[]> {
  const spaces = await loadSpacesOf(userId);
  const mine = spaces.flatMap((space) => {
    const member = findMember(space, userId);
    if (!member || member.role !== 'counsellor') return [];
    const state = consentState(space, member);
    const access = state.access;
    return access === 'active' || access === 'pending' ? [{ space, state, access }] : [];
  });
  const partnerIds = mine.flatMap(({ space }) => space.members.filter((m) => m.role === 'partner').map((m) => m.userId));
  const users = await User.find({ _id: trusted({ $in: partnerIds }) }, { displayName: 1 }).lean();
  const names = new Map(users.map((u) => [u._id.toString(), u.displayName]));

  const rows = await Promise.all(
    mine.map(async ({ space, state, access }): Promise<CounsellorSpaceDto> => {
      const spaceId = space._id.toString();
      const member = findMember(space, userId)!;
      return {
        id: spaceId,
        name: space.name,
        access,
        until: state.until ? state.until.toISOString() : null,
        canFacilitate: member.canFacilitate === true,
        partners: space.members
          .filter((m) => m.role === 'partner')
          .map((m) => ({
            userId: m.userId.toString(),
            displayName: names.get(m.userId.toString()) ?? FORMER_MEMBER,
          })),
        lastActivityAt: access === 'active' ? await lastActivity(stored, spaceId) : null,
      };
    }),
  );
  return rows.sort((a, b) => (b.lastActivityAt ?? '').localeCompare(a.lastActivityAt ?? '') || a.name.localeCompare(b.name));
}

async function lastActivity(stored: Pick<StoredDocs, 'lastStoredAt'>, spaceId: string): Promise<string | null> {
  const [board, audit] = await Promise.all([
    stored.lastStoredAt(docNameOf({ kind: 'space', spaceId })),
    AuditEntry.findOne({ spaceId }, { at: 1 }).sort({ at: -1 }).lean(),
  ]);
  const times = [board, audit?.at].filter((d): d is Date => d instanceof Date).map((d) => d.getTime());
  return times.length ? new Date(Math.max(...times)).toISOString() : null;
}
