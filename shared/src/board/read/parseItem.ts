import * as Y from 'yjs';
import { isOneOf } from '../../guards';
import { BoardDataError, fieldPath } from '../errors';
import { ITEM_KINDS, type ItemKind } from '../schema/common';
import { ITEM_SCHEMAS, type BoardItem } from '../schema/item';

/** Which fields must be shared types (not just any value that reads as a string or list). */
type Shape = 'text' | 'array' | 'map' | { arrayOf: ShapeSpec } | { mapOf: ShapeSpec };
type ShapeSpec = Readonly<Record<string, Shape>>;

const Y_SHAPES: Readonly<Record<ItemKind, ShapeSpec>> = {
  experience: {
    title: 'text',
    where: 'text',
    notes: 'text',
    steps: { arrayOf: { text: 'text' } },
    history: 'array',
    reflections: { mapOf: { enjoyed: 'text', learned: 'text' } },
  },
  promise: { text: 'text', history: 'array', outcomes: { mapOf: {} } },
  card: { statement: 'text', helps: 'text', avoid: 'text', comments: 'array' },
  checkin: {},
  appreciation: { text: 'text' },
};

function checkShapes(map: Y.Map<unknown>, spec: ShapeSpec, itemId: string, prefix: string): void {
  for (const [field, shape] of Object.entries(spec)) {
    const value = map.get(field);
    const path = prefix + field;
    if (shape === 'text') {
      if (!(value instanceof Y.Text)) throw new BoardDataError(itemId, path, 'must be collaborative text (Y.Text)');
    } else if (shape === 'array' || (typeof shape === 'object' && 'arrayOf' in shape)) {
      if (!(value instanceof Y.Array)) throw new BoardDataError(itemId, path, 'must be a Y.Array');
      if (typeof shape === 'object') {
        value.forEach((entry: unknown, i: number) => {
          if (!(entry instanceof Y.Map)) throw new BoardDataError(itemId, `${path}.${i}`, 'must be a Y.Map');
          checkShapes(entry, shape.arrayOf, itemId, `${path}.${i}.`);
        });
      }
    } else {
      if (!(value instanceof Y.Map)) throw new BoardDataError(itemId, path, 'must be a Y.Map');
      if (typeof shape === 'object' && 'mapOf' in shape) {
        value.forEach((entry: unknown, key: string) => {
          if (!(entry instanceof Y.Map)) throw new BoardDataError(itemId, `${path}.${key}`, 'must be a Y.Map');
          checkShapes(entry, shape.mapOf, itemId, `${path}.${key}.`);
        });
      }
    }
  }
}

function isItemKind(value: unknown): value is ItemKind {
  return isOneOf(ITEM_KINDS, value);
}

/**
 * Validates one stored item and returns it as a plain object (Y.Text as strings). Unknown
 * fields are kept. Throws BoardDataError naming the first bad field.
 */
export function parseItemMap(itemId: string, map: Y.Map<unknown>): BoardItem {
  const kind = map.get('kind');
  if (!isItemKind(kind)) {
    throw new BoardDataError(itemId, 'kind', `is ${JSON.stringify(kind ?? null)}, not a kind this version of Hearth knows`);
  }
  checkShapes(map, Y_SHAPES[kind], itemId, '');
  const result = ITEM_SCHEMAS[kind].safeParse(map.toJSON());
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new BoardDataError(itemId, issue ? fieldPath(issue.path) : '(root)', issue?.message ?? 'is invalid');
  }
  if (result.data.id !== itemId) {
    throw new BoardDataError(itemId, 'id', `is '${result.data.id}' but the item is stored under '${itemId}'`);
  }
  return result.data;
}
