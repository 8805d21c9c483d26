import type { BoardItem } from '@hearth/shared/board';
import { checkChange } from './itemRules';
import { Refused, stableJson } from './refused';
import type { RuleActor } from './ruleContext';

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

/** An item as a move carries it: everything but the stamp the mover adds. */
export function movable(item: BoardItem): string {
  const { updatedAt: _at, updatedBy: _by, ...rest } = item;
  return stableJson(rest);
}
