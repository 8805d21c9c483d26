import { isOneOf } from '../guards';

/**
 * Why the server refused a board edit: the reason of the y-protocols auth `permission-denied`
 * message is `<code>` or `<code> <itemId>`. The client rolls back to the server's state and
 * shows a sentence per code (it knows the item, so it can name the person who may do it).
 */
export const BoardRefusal = {
  /** A root type other than the board's `meta` and `items`. */
  unknownRoot: 'unknown-root',
  /** Not a board item: unknown kind or field, wrong type, missing field, unknown meta key. */
  invalidStructure: 'invalid-structure',
  /** A text, list or value larger than the board allows. */
  tooLarge: 'too-large',
  /** An authorship field (`createdBy`, `by`, `markedBy`, …) naming someone else. */
  forgedAuthor: 'forged-author',
  /** A field that never changes after creation (`id`, `kind`, `createdBy`, `promiserId`, …). */
  immutable: 'immutable',
  /** Only the author edits this card, check-in or appreciation. */
  notAuthor: 'not-author',
  /** Only the promiser edits a proposed promise and marks its periods. */
  notPromiser: 'not-promiser',
  /** Only the promisee accepts a promise and confirms its periods. */
  notPromisee: 'not-promisee',
  /** Only the partner, never the author, acknowledges a card or answers an appreciation. */
  notPartner: 'not-partner',
  /** A reflection is written only by its owner. */
  notReflectionOwner: 'not-reflection-owner',
  /** A comment is removed only by whoever wrote it. */
  notCommentWriter: 'not-comment-writer',
  /** Archive, unarchive and delete follow the rules of docs/board.md. */
  notManager: 'not-manager',
  /** Only an item's creator moves it to another visibility level. */
  notCreator: 'not-creator',
  /** A status change the item's lifecycle does not allow, or an edit in the wrong state. */
  illegalTransition: 'illegal-transition',
  /** History entries and promise outcomes are never removed or rewritten. */
  appendOnly: 'append-only',
  /** The update builds on edits the server does not have. */
  missingDependencies: 'missing-dependencies',
} as const;
export type BoardRefusal = (typeof BoardRefusal)[keyof typeof BoardRefusal];

const CODES: readonly BoardRefusal[] = Object.values(BoardRefusal);

export function encodeRefusal(code: BoardRefusal, itemId?: string | null): string {
  return itemId ? `${code} ${itemId}` : code;
}

/** The board refusal in a permission-denied reason, or null for other reasons (`read-only`). */
export function parseRefusal(reason: string): { code: BoardRefusal; itemId: string | null } | null {
  const space = reason.indexOf(' ');
  const code = space < 0 ? reason : reason.slice(0, space);
  if (!isOneOf(CODES, code)) return null;
  return { code, itemId: space < 0 ? null : reason.slice(space + 1) || null };
}
