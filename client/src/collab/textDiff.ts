/** One contiguous change: at `index`, remove `remove` characters and insert `insert`. */
export interface TextChange {
  index: number;
  remove: number;
  insert: string;
}

/**
 * The smallest single change turning `before` into `after`. `caret` is the caret position in
 * `after` (selectionEnd after an input event): when the change is ambiguous ("a" typed into
 * "aa"), it places the change where the person actually typed, so remote carets and
 * concurrent edits land in the right place.
 */
export function diffText(before: string, after: string, caret?: number | null): TextChange | null {
  if (before === after) return null;
  const minLength = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < minLength && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  if (caret != null) {
    // An insertion ends at the caret, so the unchanged prefix cannot extend past its start.
    const added = Math.max(0, after.length - before.length);
    prefix = Math.max(0, Math.min(prefix, caret - added));
  }
  let suffix = 0;
  while (suffix < minLength - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) {
    suffix++;
  }
  // Never split a surrogate pair: an emoji is one character to a person.
  if (prefix > 0 && isHighSurrogate(after.charCodeAt(prefix - 1))) prefix--;
  if (suffix > 0 && isLowSurrogate(after.charCodeAt(after.length - suffix))) suffix--;
  return {
    index: prefix,
    remove: before.length - prefix - suffix,
    insert: after.slice(prefix, after.length - suffix),
  };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
