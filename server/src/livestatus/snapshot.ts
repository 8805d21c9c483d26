import type { CounsellorMemberDto, OpenInviteDto, SpaceDto } from '@hearth/shared/api';
import { toCounsellorDto } from '../counsellor/counsellors.service';
import { trusted } from '../platform/db/trusted';
import { loadSpace } from '../spaces/access';
import { Invite } from '../spaces/invite.model';
import type { SpaceRecord } from '../spaces/space.model';
import { FORMER_MEMBER, toSpaceDto } from '../spaces/spaceDto';

/** Everything the live status of a space is computed from, read once per change. */
export interface SpaceSnapshot {
  spaceId: string;
  record: SpaceRecord;
  dto: SpaceDto;
  names: ReadonlyMap<string, string>;
  counsellors: CounsellorMemberDto[];
  openInvites: OpenInviteDto[];
}

export async function loadSnapshot(spaceId: string, now = new Date()): Promise<SpaceSnapshot | null> {
  const record = await loadSpace(spaceId);
  if (!record) return null;
  const [dto, invites] = await Promise.all([
    toSpaceDto(record),
    Invite.find({ spaceId, usedAt: null, revokedAt: null, expiresAt: trusted({ $gt: now }) }, { role: 1, expiresAt: 1, createdAt: 1 }).lean(),
  ]);
  const names = new Map(dto.members.map((m) => [m.userId, m.displayName]));
  return {
    spaceId,
    record,
    dto,
    names,
    counsellors: dto.members.filter((m) => m.role === 'counsellor').map((m) => toCounsellorDto(record, m.userId, m.displayName)),
    openInvites: invites
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .map((i) => ({ id: i._id.toString(), role: i.role as OpenInviteDto['role'], expiresAt: i.expiresAt.toISOString() })),
  };
}

export function nameOf(snapshot: SpaceSnapshot, userId: string): string {
  return snapshot.names.get(userId) ?? FORMER_MEMBER;
}
