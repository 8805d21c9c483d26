import type { SpaceMemberDto } from '@hearth/shared/api';
import type { KeptItem } from '../../collab/undoHistory';

/** "Sam has worked on “Weekend in the hills” since — kept it." (or why the step would not be theirs to undo) */
export function keptMessage(kept: readonly KeptItem[], members: readonly SpaceMemberDto[], meId: string): string {
  const first = kept[0]!;
  const byId = first.userId ?? (first.updatedBy && first.updatedBy !== meId ? first.updatedBy : null);
  const what = first.label ? `“${first.label}”` : 'this';
  const more = kept.length > 1 ? ` (and ${kept.length - 1} more)` : '';
  // Their own other tab or device counts as "someone else" too: the edit is not in this history.
  if (byId === meId) return `You have worked on ${what}${more} on another screen since — kept it.`;
  const who = first.name ?? members.find((m) => m.userId === byId)?.displayName ?? 'Your partner';
  if (first.reason === 'theirs') return `Undo would put back ${who}’s tick or mark on ${what}${more} in your name — left it as it is.`;
  return `${who} has worked on ${what}${more} since — kept it.`;
}
