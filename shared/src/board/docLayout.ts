import * as Y from 'yjs';

/**
 * Layout of one board document (`space:<id>`, `couple:<id>` or `private:<id>:<userId>`):
 *   meta  : Y.Map  { schemaVersion: number }
 *   items : Y.Map  itemId -> Y.Map (one item; fields per kind, see docs/board.md)
 */
export const BOARD_SCHEMA_VERSION = 1;
export const META_KEY = 'meta';
export const ITEMS_KEY = 'items';

export type ItemMap = Y.Map<unknown>;

export function itemsOf(doc: Y.Doc): Y.Map<ItemMap> {
  return doc.getMap<ItemMap>(ITEMS_KEY);
}

export function metaOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(META_KEY);
}

/** The version stored in the document, or null for a document nobody has written to yet. */
export function schemaVersionOf(doc: Y.Doc): number | null {
  const value = metaOf(doc).get('schemaVersion');
  return typeof value === 'number' ? value : null;
}

/**
 * Stamps the schema version on first write. Never lowers it: a document written by a newer
 * client keeps its version, and this client's writes keep unknown fields intact.
 */
export function ensureBoardMeta(doc: Y.Doc): void {
  const meta = metaOf(doc);
  if (typeof meta.get('schemaVersion') !== 'number') meta.set('schemaVersion', BOARD_SCHEMA_VERSION);
}

/** The raw Y.Map of an item, or undefined. Reading code validates it (see read/parseItem). */
export function itemMapOf(doc: Y.Doc, itemId: string): ItemMap | undefined {
  const value = itemsOf(doc).get(itemId);
  return value instanceof Y.Map ? value : undefined;
}
