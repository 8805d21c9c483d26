import type { SpaceMemberDto } from '@hearth/shared/api';
import type { KeptItem } from '../../collab/undoHistory';

/**
 * "Undo left “Weekend in the hills” as it is: Sam has changed it since." (or why the step would
 * not be theirs to undo)
 */
export function keptMessage(kept: readonly KeptItem[], members: readonly SpaceMemberDto[], meId: string): string {
  const first = kept[0]!;
  const byId = first.userId ?? (first.updatedBy && first.updatedBy !== meId ? first.updatedBy : null);
  const what = first.label ? `“${first.label}”` : 'this';
  const more = kept.length > 1 ? ` (and ${kept.length - 1} more)` : '';
  const them = kept.length > 1 ? 'them' : 'it';
  // Their own other tab or device counts as "someone else" too: the edit is not in this history.
  if (byId === meId) return `Undo left ${what}${more} as it is: you have changed ${them} on another screen since.`;
  const who = first.name ?? members.find((m) => m.userId === byId)?.displayName ?? 'your partner';
  if (first.reason === 'theirs') return `Undo would put back ${who}’s tick or mark on ${what}${more} in your name — left it as it is.`;
  return `Undo left ${what}${more} as it is: ${who} has changed ${them} since.`;
}
