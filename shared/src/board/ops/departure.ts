import * as Y from 'yjs';
import { isRecord } from '../../guards';
import { itemsOf } from '../docLayout';
import { readItem } from '../read/readBoard';
import { authorOf } from '../rules';
import { writeBoard, type OpOptions } from '../context';

/** What a partner who leaves does with what they wrote on the shared boards. */
export type DepartureChoice = 'keep' | 'anonymise' | 'delete';

/** Stands in for a departed author's id; clients show it as "Former member". */
export const FORMER_MEMBER_ID = 'former-member';

/**
 * Run by the server (not a partner op: the person is leaving) when a partner leaves safely.
 * `delete`: items they authored go, and their comments on others' cards.
 * `anonymise`: their id is replaced everywhere in every item (author, history, comments,
 * outcomes), and their check-ins go, since a check-in's id is derived from its author.
 * Returns how many items were removed and how many were rewritten.
 */
export function departFromBoard(
  doc: Y.Doc,
  userId: string,
  choice: DepartureChoice,
  options?: OpOptions,
): { removed: number; rewritten: number } {
  const result = { removed: 0, rewritten: 0 };
  if (choice === 'keep') return result;
  const items = itemsOf(doc);
  writeBoard(doc, options, () => {
    for (const [id, map] of [...items.entries()]) {
      if (!(map instanceof Y.Map)) continue;
      let author: string | null;
      try {
        author = authorOf(readItem(doc, id));
      } catch {
        const createdBy = map.get('createdBy');
        author = typeof createdBy === 'string' ? createdBy : null;
      }
      const isCheckin = map.get('kind') === 'checkin';
      if (author === userId && (choice === 'delete' || isCheckin)) {
        items.delete(id);
        result.removed += 1;
        continue;
      }
      const changed = choice === 'delete' ? dropComments(map, userId) : replaceId(map, userId);
      if (changed) result.rewritten += 1;
    }
  });
  return result;
}

/** Removes the person's comments from a card; true when any went. */
function dropComments(map: Y.Map<unknown>, userId: string): boolean {
  const comments = map.get('comments');
  if (!(comments instanceof Y.Array)) return false;
  let changed = false;
  for (let i = comments.length - 1; i >= 0; i--) {
    const c: unknown = comments.get(i);
    if (isRecord(c) && c.by === userId) {
      comments.delete(i, 1);
      changed = true;
    }
  }
  return changed;
}

/** Replaces `userId` wherever it appears as a value (not in text the person typed). */
function replaceId(node: Y.Map<unknown> | Y.Array<unknown>, userId: string): boolean {
  let changed = false;
  if (node instanceof Y.Map) {
    // Entries keyed by the person (an experience's reflections) move to the stand-in key.
    const own = node.get(userId);
    if (own !== undefined && !node.has(FORMER_MEMBER_ID)) {
      node.set(FORMER_MEMBER_ID, own instanceof Y.AbstractType ? own.clone() : own);
      node.delete(userId);
      changed = true;
    }
    for (const [key, value] of [...node.entries()]) {
      if (value === userId) {
        node.set(key, FORMER_MEMBER_ID);
        changed = true;
      } else if (value instanceof Y.Map || value instanceof Y.Array) {
        changed = replaceId(value, userId) || changed;
      } else if (isPlain(value) && JSON.stringify(value).includes(JSON.stringify(userId))) {
        node.set(key, scrubPlain(value, userId));
        changed = true;
      }
    }
    return changed;
  }
  for (let i = 0; i < node.length; i++) {
    const value = node.get(i);
    if (value instanceof Y.Map || value instanceof Y.Array) {
      changed = replaceId(value, userId) || changed;
    } else if (value === userId || (isPlain(value) && JSON.stringify(value).includes(JSON.stringify(userId)))) {
      node.delete(i, 1);
      node.insert(i, [value === userId ? FORMER_MEMBER_ID : scrubPlain(value, userId)]);
      changed = true;
    }
  }
  return changed;
}

function isPlain(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !(value instanceof Y.AbstractType);
}

function scrubPlain(value: unknown, userId: string): unknown {
  if (value === userId) return FORMER_MEMBER_ID;
  if (Array.isArray(value)) return value.map((v) => scrubPlain(v, userId));
  if (isPlain(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubPlain(v, userId)]));
  return value;
}
