import { simpleDiffString, simpleDiffStringWithCursor } from 'lib0/diff';
import * as Y from 'yjs';

/** One contiguous change: at `index`, remove `remove` characters and insert `insert`. */
export interface TextChange {
  index: number;
  remove: number;
  insert: string;
}

/**
 * The smallest single change turning `before` into `after` (lib0's diff, which never splits a
 * surrogate pair: an emoji is one character to a person). `caret` is the caret position in
 * `after` (selectionEnd after an input event): when the change is ambiguous ("a" typed into
 * "aa"), it places the change where the person actually typed, so remote carets and
 * concurrent edits land in the right place.
 */
export function diffText(before: string, after: string, caret?: number | null): TextChange | null {
  if (before === after) return null;
  if (caret == null) return simpleDiffString(before, after);
  // An insertion ends at the caret, so the unchanged prefix cannot extend past its start.
  const added = Math.max(0, after.length - before.length);
  return simpleDiffStringWithCursor(before, after, Math.max(0, caret - added));
}

/** Applies a change to a Y.Text; the caller chooses the transaction and its origin. */
export function applyTextChange(text: Y.Text, change: TextChange): void {
  if (change.remove > 0) text.delete(change.index, change.remove);
  if (change.insert.length > 0) text.insert(change.index, change.insert);
}

/**
 * Replaces a Y.Text's content with `value` by deleting and inserting only the changed middle,
 * so an edit made through an operation merges with a partner typing elsewhere in the field.
 */
export function setTextValue(text: Y.Text, value: string): void {
  const change = diffText(text.toString(), value);
  if (change) applyTextChange(text, change);
}

/** A new, not yet integrated Y.Text holding `value`. */
export function newText(value: string): Y.Text {
  return new Y.Text(value);
}
