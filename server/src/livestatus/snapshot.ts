import type { CounsellorMemberDto, OpenInviteDto, SpaceDto, SpaceMemberDto } from '@hearth/shared/api';
import { toCounsellorDto } from '../counsellor/counsellors.service';
import { trusted } from '../platform/db/trusted';
import { loadSpace } from '../spaces/access';
import { Invite } from '../spaces/invite.model';
import { FORMER_MEMBER, toSpaceDto } from '../spaces/spaceDto';

/**
 * Everything the live status of a space is computed from, read once per change. It holds the
 * same DTOs the HTTP API returns (members with derived access, counsellors with consent), so
 * the status follows the access rules wherever they are stored, never a copy of them.
 */
export interface SpaceSnapshot {
  spaceId: string;
  name: string;
  dto: SpaceDto;
  counsellors: CounsellorMemberDto[];
  deletionRequestedBy: string[];
  openInvites: OpenInviteDto[];
}

export async function loadSnapshot(spaceId: string, now = new Date()): Promise<SpaceSnapshot | null> {
  const record = await loadSpace(spaceId);
  if (!record) return null;
  const [dto, invites] = await Promise.all([
    toSpaceDto(record),
    Invite.find(
      { spaceId, usedAt: null, revokedAt: null, expiresAt: trusted({ $gt: now }) },
      { role: 1, expiresAt: 1, createdAt: 1 },
    ).lean(),
  ]);
  return {
    spaceId,
    name: record.name,
    dto,
    counsellors: dto.members.filter((m) => m.role === 'counsellor').map((m) => toCounsellorDto(record, m.userId, m.displayName)),
    deletionRequestedBy: record.deletionRequestedBy ?? [],
    openInvites: invites
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .map((i) => ({ id: i._id.toString(), role: i.role, createdAt: i.createdAt.toISOString(), expiresAt: i.expiresAt.toISOString() })),
  };
}

export function memberOf(snapshot: SpaceSnapshot, userId: string): SpaceMemberDto | undefined {
  return snapshot.dto.members.find((m) => m.userId === userId);
}

export function counsellorOf(snapshot: SpaceSnapshot, userId: string): CounsellorMemberDto | undefined {
  return snapshot.counsellors.find((c) => c.userId === userId);
}

export function nameOf(snapshot: SpaceSnapshot, userId: string): string {
  return memberOf(snapshot, userId)?.displayName ?? FORMER_MEMBER;
}
