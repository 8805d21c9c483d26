import type { BoardItem, CardComment } from '@hearth/shared/board';
import { checkChange } from './itemRules';
import { Refused, stableJson } from './refused';
import type { RuleActor } from './ruleContext';

/**
 * What the partner added to an item that a copy of it lacks: content only the partner writes
 * (their comments on a card, their acknowledgement of it, their heart and reply to an
 * appreciation they received), so a copy taken before it reached the mover cannot hold it. It
 * follows the item to its new board (`carryOver.ts`).
 */
export interface PartnerAdditions {
  comments: CardComment[];
  /** Plain fields the copy holds empty (null, "" or nothing) and the original holds set. */
  fields: Record<string, string>;
}

/**
 * Whether `copy` is `original` as its mover writes it elsewhere: identical but for the stamp,
 * or (the creator moving) differing only by changes the mover may make to the original itself.
 * The latter is a move racing with the partner's edit of the source (their typing, a tick):
 * the copy lacks that edit, which is the same as the mover undoing it and then moving.
 */
export function isCopyOf(original: BoardItem, copy: BoardItem, actor: RuleActor): boolean {
  if (movable(original) === movable(copy)) return true;
  if (original.createdBy !== actor.userId) return false;
  try {
    checkChange(original, copy, actor);
    return true;
  } catch (err) {
    if (err instanceof Refused) return false;
    throw err;
  }
}

/**
 * How `copy` pairs with `original`: null when it is no copy of it; otherwise what the partner
 * added to the original that the copy lacks (null when nothing). A creator's copy that lacks
 * the partner's newest comment or acknowledgement is a copy once those are added back: the
 * move raced with them. Content the copy holds that the original lacks is never excused.
 */
export function pairCopy(original: BoardItem, copy: BoardItem, actor: RuleActor): { additions: PartnerAdditions | null } | null {
  if (isCopyOf(original, copy, actor)) return { additions: null };
  if (original.createdBy !== actor.userId) return null;
  const additions = partnerAdditions(original, copy, actor.userId);
  return additions && isCopyOf(original, withAdditions(copy, additions), actor) ? { additions } : null;
}

/** The partner's additions to `original` that `copy` lacks, or null. */
export function partnerAdditions(original: BoardItem, copy: BoardItem, mover: string): PartnerAdditions | null {
  const additions: PartnerAdditions = { comments: [], fields: {} };
  if (original.kind === 'card' && copy.kind === 'card') {
    const present = new Set(copy.comments.map((c) => c.id));
    additions.comments = original.comments.filter((c) => c.by !== mover && !present.has(c.id));
    if (original.acknowledgedBy !== mover) addFields(additions, original, copy, ['acknowledgedBy', 'acknowledgedAt']);
  } else if (original.kind === 'appreciation' && original.toId !== mover) {
    addFields(additions, original, copy, ['heartedAt', 'reply', 'repliedAt']);
  }
  return additions.comments.length > 0 || Object.keys(additions.fields).length > 0 ? additions : null;
}

/** The fields `original` holds set (to a string: an id, a date-time, a reply) and `copy` holds empty. */
function addFields(additions: PartnerAdditions, original: BoardItem, copy: BoardItem, names: string[]): void {
  const from = original as Record<string, unknown>;
  const to = copy as Record<string, unknown>;
  for (const name of names) {
    const value = from[name];
    if (typeof value === 'string' && value !== '' && isEmpty(to[name])) additions.fields[name] = value;
  }
}

export function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

/** `copy` with the partner's additions written in, as `carryOver` writes them. */
export function withAdditions(copy: BoardItem, additions: PartnerAdditions): BoardItem {
  const merged = { ...copy, ...additions.fields } as BoardItem;
  return merged.kind === 'card' ? { ...merged, comments: [...merged.comments, ...additions.comments] } : merged;
}

/** An item as a move carries it: everything but the stamp the mover adds. */
export function movable(item: BoardItem): string {
  const { updatedAt: _at, updatedBy: _by, ...rest } = item;
  return stableJson(rest);
}
