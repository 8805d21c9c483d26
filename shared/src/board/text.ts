import * as Y from 'yjs';

/**
 * Replaces a Y.Text's content with `value` by deleting and inserting only the changed middle,
 * so an edit made through an operation merges with a partner typing elsewhere in the field.
 */
export function setTextValue(text: Y.Text, value: string): void {
  const current = text.toString();
  if (current === value) return;
  let start = 0;
  const maxStart = Math.min(current.length, value.length);
  while (start < maxStart && current.charCodeAt(start) === value.charCodeAt(start)) start++;
  // Never split a surrogate pair (an emoji) between kept and replaced text.
  if (start > 0 && isHighSurrogate(current.charCodeAt(start - 1))) start--;
  let end = 0;
  const maxEnd = Math.min(current.length, value.length) - start;
  while (end < maxEnd && current.charCodeAt(current.length - 1 - end) === value.charCodeAt(value.length - 1 - end)) {
    end++;
  }
  if (end > 0 && isHighSurrogate(current.charCodeAt(current.length - end - 1))) end--;
  const removed = current.length - start - end;
  if (removed > 0) text.delete(start, removed);
  const inserted = value.slice(start, value.length - end);
  if (inserted.length > 0) text.insert(start, inserted);
}

/** A new, not yet integrated Y.Text holding `value`. */
export function newText(value: string): Y.Text {
  return new Y.Text(value);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
