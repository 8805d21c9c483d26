import type * as Y from 'yjs';
import { docNameOf, parseDocName } from '../realtime/docNames';
import { BoardRuleError, parseInput } from './errors';
import { assertPartner, clockOf, writeBoard, type BoardActor, type OpOptions } from './context';
import { itemMapOf, itemsOf } from './docLayout';
import { readItem } from './read/readBoard';
import { canChangeVisibility } from './rules';
import { ItemRefInput, type Visibility } from './schema/item';
import type { ItemKind } from './schema/common';
import type { CardType } from './schema/card';
import { stampUpdated } from './ops/shared';

/**
 * Visibility is where an item lives: each level is its own document, and the server decides
 * who may read and write each document. Changing visibility moves the item between them.
 *   private → `private:<spaceId>:<userId>` (only me)
 *   couple  → `couple:<spaceId>`            (us)
 *   space   → `space:<spaceId>`             (us + counsellor)
 */
export const DEFAULT_VISIBILITY: Visibility = 'couple';

/**
 * Sensitive by default: a new check-in and a new trigger card start as "only me" (the person
 * can share them); everything else starts as "us".
 */
export function defaultVisibilityFor(kind: ItemKind, cardType?: CardType): Visibility {
  if (kind === 'checkin' || (kind === 'card' && cardType === 'trigger')) return 'private';
  return DEFAULT_VISIBILITY;
}

/**
 * Who sees each level, as the server enforces it (server/src/spaces/access.ts reads this
 * table): the partners write, an active counsellor only reads "us + counsellor", and "only
 * me" reaches nobody but its owner. The safety page is generated from it.
 */
export const VISIBILITY_AUDIENCE: Record<Visibility, { partner: 'write' | null; counsellor: 'read' | null }> = {
  private: { partner: null, counsellor: null },
  couple: { partner: 'write', counsellor: null },
  space: { partner: 'write', counsellor: 'read' },
};

export function boardDocName(spaceId: string, visibility: Visibility, userId: string): string {
  return visibility === 'private' ? docNameOf({ kind: 'private', spaceId, userId }) : docNameOf({ kind: visibility, spaceId });
}

/** The visibility a board document stands for, or null for a name that is not a board. */
export function visibilityOfDocName(name: string): Visibility | null {
  const parsed = parseDocName(name);
  if (!parsed || parsed.kind === 'notes') return null;
  return parsed.kind;
}

/**
 * Moves an item from `source` to `target` keeping its id, position and everything in it
 * (history, comments, outcomes, unknown fields of newer clients). The copy is written before
 * the original is deleted, so a failure in between leaves two copies, never none. Only the
 * item's creator may move it. A partner's comment or acknowledgement written to the source
 * while the move travels is carried over to the copy by the server; what it cannot carry
 * (a partner's promise step, or anything written after both halves arrived) is lost with the
 * source (docs/board.md, "Changing visibility").
 */
export function moveItem(source: Y.Doc, target: Y.Doc, actor: BoardActor, input: ItemRefInput, options?: OpOptions): void {
  assertPartner(actor);
  const { itemId } = parseInput(ItemRefInput, input);
  if (source === target) throw new BoardRuleError('invalid_input', 'target: the item is already there');
  const item = readItem(source, itemId);
  if (!canChangeVisibility(item, actor.userId)) {
    throw new BoardRuleError('forbidden', `only whoever created this ${item.kind} changes who sees it`);
  }
  if (itemMapOf(target, itemId)) throw new BoardRuleError('conflict', `item ${itemId} is already in the target board`);
  const { at } = clockOf(options);
  const original = itemMapOf(source, itemId)!;
  writeBoard(target, options, () => {
    itemsOf(target).set(itemId, original.clone());
    stampUpdated(itemMapOf(target, itemId)!, actor, at);
  });
  writeBoard(source, options, () => itemsOf(source).delete(itemId));
}
