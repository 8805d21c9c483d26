import type { SpaceMemberDto } from '@hearth/shared/api';

/** Display names by user id; ids of deleted accounts read as "Former member". */
export function nameOf(members: SpaceMemberDto[], userId: string | null, meId: string): string {
  if (!userId) return 'Either of you';
  if (userId === meId) return 'You';
  return members.find((m) => m.userId === userId)?.displayName ?? 'Former member';
}
