import type { ClipboardEvent } from 'react';

/** Counters appear once this share of the limit is used. */
const SHOW_FROM = 0.8;

/**
 * "4,120 / 5,000" under a field once it nears its limit, and a plain message when a paste
 * would not fit (the paste is refused whole rather than cut short without a word).
 */
export function CharLimit({ id, length, max, refused }: { id: string; length: number; max: number; refused?: number | null }) {
  if (refused) {
    return (
      <p id={id} className="char-limit over" role="alert">
        That text is {refused.toLocaleString()} characters; this field holds {max.toLocaleString()}. Nothing was pasted — shorten it first.
      </p>
    );
  }
  if (length < max * SHOW_FROM) return null;
  const full = length >= max;
  return (
    <p id={id} className={`char-limit${full ? ' full' : ''}`} aria-live="polite">
      {length.toLocaleString()} / {max.toLocaleString()}
      {full && ' — that is the limit'}
    </p>
  );
}

/**
 * Refuses a paste that would go past `max` (the browser would silently cut it at maxLength);
 * returns the length it would have had, or null when it fits.
 */
export function refusePasteOverLimit(event: ClipboardEvent<HTMLInputElement | HTMLTextAreaElement>, max: number): number | null {
  const field = event.currentTarget;
  const pasted = event.clipboardData.getData('text/plain');
  const selected = (field.selectionEnd ?? 0) - (field.selectionStart ?? 0);
  const length = field.value.length - selected + pasted.length;
  if (length <= max) return null;
  event.preventDefault();
  return length;
}
