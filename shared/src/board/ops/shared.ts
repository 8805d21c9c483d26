import * as Y from 'yjs';
import { BoardDataError } from '../errors';
import { itemMapOf, itemsOf, type ItemMap } from '../docLayout';
import type { BoardActor } from '../context';
import type { ItemKind } from '../schema/common';
import type { BoardItemOf } from '../schema/item';
import { readItemOfKind } from '../read/readBoard';

/** Helpers the operations share: load-and-validate, stamping, history, typed field access. */

export interface Loaded<K extends ItemKind> {
  map: ItemMap;
  item: BoardItemOf<K>;
}

/** The item (validated) and its Y.Map; throws not_found or BoardDataError. */
export function loadItem<K extends ItemKind>(doc: Y.Doc, itemId: string, kind: K): Loaded<K> {
  const item = readItemOfKind(doc, itemId, kind);
  return { item, map: itemMapOf(doc, itemId)! };
}

export function textField(map: ItemMap, field: string): Y.Text {
  const value = map.get(field);
  if (!(value instanceof Y.Text)) throw new BoardDataError(String(map.get('id')), field, 'must be a Y.Text');
  return value;
}

export function arrayField(map: ItemMap, field: string): Y.Array<unknown> {
  const value = map.get(field);
  if (!(value instanceof Y.Array)) throw new BoardDataError(String(map.get('id')), field, 'must be a Y.Array');
  return value;
}

export function mapField(map: ItemMap, field: string): Y.Map<unknown> {
  const value = map.get(field);
  if (!(value instanceof Y.Map)) throw new BoardDataError(String(map.get('id')), field, 'must be a Y.Map');
  return value;
}

/** The Y.Map stored under `key` (a reflection, an outcome), or undefined when there is none. */
export function nestedMap(parent: Y.Map<unknown>, key: string): Y.Map<unknown> | undefined {
  const value = parent.get(key);
  return value instanceof Y.Map ? value : undefined;
}

/** The fields every new item starts with. */
export function baseFields(id: string, kind: ItemKind, actor: BoardActor, at: string, position: string): Record<string, unknown> {
  return {
    id,
    kind,
    createdBy: actor.userId,
    createdAt: at,
    updatedAt: at,
    updatedBy: actor.userId,
    archived: false,
    archivedAt: null,
    position,
  };
}

/** Adds a new item to the board (inside a write transaction) and fills its fields. */
export function insertItem(doc: Y.Doc, id: string, fields: Record<string, unknown>): ItemMap {
  const map = new Y.Map<unknown>();
  itemsOf(doc).set(id, map);
  for (const [key, value] of Object.entries(fields)) map.set(key, value);
  return map;
}

/** A Y.Map holding `fields`, ready to be inserted into an array or map. */
export function newMap(fields: Record<string, unknown>): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(fields)) map.set(key, value);
  return map;
}

export function stampUpdated(map: ItemMap, actor: BoardActor, at: string): void {
  map.set('updatedAt', at);
  map.set('updatedBy', actor.userId);
}

/** Stamps a change of the item's own content: `updatedAt`/`updatedBy` and `editedAt`/`editedBy`. */
export function stampEdited(map: ItemMap, actor: BoardActor, at: string): void {
  stampUpdated(map, actor, at);
  map.set('editedAt', at);
  map.set('editedBy', actor.userId);
}

export interface HistoryInput {
  action: string;
  note?: string | undefined;
  [extra: string]: unknown;
}

/** Appends `{at, by, action, note?}`; entries are never edited, so both partners' survive. */
export function appendHistory(map: ItemMap, actor: BoardActor, at: string, entry: HistoryInput): void {
  const { note, ...rest } = entry;
  arrayField(map, 'history').push([{ ...rest, at, by: actor.userId, ...(note ? { note } : {}) }]);
}
