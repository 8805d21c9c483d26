import type * as Y from 'yjs';
import { BoardDataError, BoardRuleError } from '../errors';
import { itemMapOf, itemsOf, schemaVersionOf } from '../docLayout';
import { compareByPosition } from '../ordering';
import type { ItemKind } from '../schema/common';
import type { BoardItem, BoardItemOf } from '../schema/item';
import { parseItemMap } from './parseItem';

/** What a client renders: valid items in board order, and the items that failed validation. */
export interface BoardSnapshot {
  schemaVersion: number | null;
  items: BoardItem[];
  /** One bad item never hides the rest of the board; it is reported here instead. */
  problems: BoardDataError[];
}

export interface ListOptions {
  includeArchived?: boolean;
}

export function readBoard(doc: Y.Doc): BoardSnapshot {
  const items: BoardItem[] = [];
  const problems: BoardDataError[] = [];
  itemsOf(doc).forEach((value, key) => {
    try {
      items.push(parseItemMap(key, value));
    } catch (error) {
      problems.push(error instanceof BoardDataError ? error : new BoardDataError(key, '(root)', String(error)));
    }
  });
  items.sort(compareByPosition);
  return { schemaVersion: schemaVersionOf(doc), items, problems };
}

/** Throws the first problem, if any: for the server and tests that want all-or-nothing. */
export function assertValidBoard(doc: Y.Doc): BoardItem[] {
  const snapshot = readBoard(doc);
  const first = snapshot.problems[0];
  if (first) throw first;
  return snapshot.items;
}

/** One item, validated. Throws `not_found` (BoardRuleError) or BoardDataError. */
export function readItem(doc: Y.Doc, itemId: string): BoardItem {
  const map = itemMapOf(doc, itemId);
  if (!map) throw new BoardRuleError('not_found', `no item ${itemId} on this board`);
  return parseItemMap(itemId, map);
}

/** One item of the given kind; another kind counts as not found. */
export function readItemOfKind<K extends ItemKind>(doc: Y.Doc, itemId: string, kind: K): BoardItemOf<K> {
  const item = readItem(doc, itemId);
  if (!isOfKind(item, kind)) throw new BoardRuleError('not_found', `no ${kind} ${itemId} on this board`);
  return item;
}

function isOfKind<K extends ItemKind>(item: BoardItem, kind: K): item is BoardItemOf<K> {
  return item.kind === kind;
}

/** The valid items of one kind in board order (archived ones only when asked). */
export function listItems<K extends ItemKind>(doc: Y.Doc, kind: K, options: ListOptions = {}): BoardItemOf<K>[] {
  return readBoard(doc).items.filter(
    (item): item is BoardItemOf<K> => isOfKind(item, kind) && (options.includeArchived === true || !item.archived),
  );
}

export function listExperiences(doc: Y.Doc, options?: ListOptions): BoardItemOf<'experience'>[] {
  return listItems(doc, 'experience', options);
}
export function listPromises(doc: Y.Doc, options?: ListOptions): BoardItemOf<'promise'>[] {
  return listItems(doc, 'promise', options);
}
export function listCards(doc: Y.Doc, options?: ListOptions): BoardItemOf<'card'>[] {
  return listItems(doc, 'card', options);
}
export function listAppreciations(doc: Y.Doc, options?: ListOptions): BoardItemOf<'appreciation'>[] {
  return listItems(doc, 'appreciation', options);
}
