import type * as Y from 'yjs';
import { isOneOf } from '../../guards';
import { BoardRuleError, parseInput } from '../errors';
import { assertPartner, clockOf, writeBoard, type BoardActor, type OpOptions } from '../context';
import { itemMapOf, itemsOf } from '../docLayout';
import { positionAfter } from '../ordering';
import { canEditContent, canEditText, canManageItem } from '../rules';
import { ArchiveInput, ItemRefInput, ReorderInput, SetItemTextInput, TEXT_FIELDS, type BoardItem, type TextField } from '../schema/item';
import { readItem } from '../read/readBoard';
import { setTextValue } from '../text';
import { stampEdited, stampUpdated, textField } from './shared';

/** Operations that apply to every kind of item. */

/** Moves an item right after `afterId` (null = first) within its kind's list. */
export function reorderItem(doc: Y.Doc, actor: BoardActor, input: ReorderInput, options?: OpOptions): void {
  assertPartner(actor);
  const { itemId, afterId } = parseInput(ReorderInput, input);
  const item = readItem(doc, itemId);
  if (afterId === itemId) throw new BoardRuleError('invalid_input', 'afterId: an item cannot follow itself');
  if (afterId !== null) {
    const anchor = itemMapOf(doc, afterId);
    if (!anchor || anchor.get('kind') !== item.kind) {
      throw new BoardRuleError('not_found', `afterId: no ${item.kind} ${afterId} on this board`);
    }
  }
  writeBoard(doc, options, () => {
    // Reordering is a view choice, not an edit of the item, so updatedAt stays.
    itemMapOf(doc, itemId)!.set('position', positionAfter(doc, item.kind, afterId, itemId));
  });
}

export function setArchived(doc: Y.Doc, actor: BoardActor, input: ArchiveInput, options?: OpOptions): void {
  assertPartner(actor);
  const { itemId, archived } = parseInput(ArchiveInput, input);
  const item = readItem(doc, itemId);
  assertManage(item, actor);
  if (item.archived === archived) return;
  const { at } = clockOf(options);
  writeBoard(doc, options, () => {
    const map = itemMapOf(doc, itemId)!;
    map.set('archived', archived);
    map.set('archivedAt', archived ? at : null);
    stampUpdated(map, actor, at);
  });
}

/** Removes an item for good (archive keeps it; delete does not). */
export function deleteItem(doc: Y.Doc, actor: BoardActor, input: ItemRefInput, options?: OpOptions): void {
  assertPartner(actor);
  const { itemId } = parseInput(ItemRefInput, input);
  assertManage(readItem(doc, itemId), actor);
  writeBoard(doc, options, () => itemsOf(doc).delete(itemId));
}

/**
 * Records that `actor` just edited the item through a live Y.Text binding (the binding
 * itself cannot stamp updatedAt). Clients call it, throttled, while someone types.
 */
export function touchItem(doc: Y.Doc, actor: BoardActor, input: ItemRefInput, options?: OpOptions): void {
  assertPartner(actor);
  const { itemId } = parseInput(ItemRefInput, input);
  const item = readItem(doc, itemId);
  const { at } = clockOf(options);
  const stamp = canEditContent(item, actor.userId) ? stampEdited : stampUpdated;
  writeBoard(doc, options, () => stamp(itemMapOf(doc, itemId)!, actor, at));
}

/**
 * Sets one Y.Text field to `value`, changing only the differing middle so a partner's
 * concurrent typing elsewhere in the field survives. Per-kind rules apply (see rules.ts).
 */
export function setItemText(doc: Y.Doc, actor: BoardActor, input: SetItemTextInput, options?: OpOptions): void {
  assertPartner(actor);
  const { itemId, field, value } = parseInput(SetItemTextInput, input);
  const item = readItem(doc, itemId);
  const fields: readonly TextField[] = TEXT_FIELDS[item.kind];
  if (!isOneOf(fields, field)) {
    throw new BoardRuleError('invalid_input', `field: a ${item.kind} has no text field '${field}'`);
  }
  if (!canEditText(item, field, actor.userId)) {
    throw new BoardRuleError('forbidden', `you may not edit the ${field} of this ${item.kind}`);
  }
  const { at } = clockOf(options);
  writeBoard(doc, options, () => {
    const map = itemMapOf(doc, itemId)!;
    setTextValue(textField(map, field), value);
    stampEdited(map, actor, at);
  });
}

function assertManage(item: BoardItem, actor: BoardActor): void {
  if (!canManageItem(item, actor.userId)) {
    throw new BoardRuleError('forbidden', `only its author may archive or delete this ${item.kind}`);
  }
}
