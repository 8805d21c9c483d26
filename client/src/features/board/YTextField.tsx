import { useCallback, useEffect, useId, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { getItemText, touchItem, type TextField } from '@hearth/shared/board';
import { useYText } from '../../collab/useYText';
import { STAMP_ORIGIN } from '../../collab/origins';
import { CharLimit, refusePasteOverLimit } from '../../lib/CharLimit';
import { useBoard } from './boardContext';
import type { BoardEntry } from './boardStore';

const TOUCH_EVERY_MS = 2000;

/**
 * A labelled input or textarea bound live to one of an item's Y.Text fields. Typing merges
 * with a partner typing in the same field; `updatedAt` is stamped at most every 2 s. Near
 * `maxLength` a counter shows; a paste that would not fit is refused with a message.
 */
export function YTextField({
  entry,
  field,
  label,
  multiline = false,
  disabled,
  maxLength,
  placeholder,
  hideLabel = false,
  length = 0,
  autoFocus = false,
  onDone,
}: {
  entry: BoardEntry;
  field: TextField;
  label: string;
  multiline?: boolean;
  disabled: boolean;
  maxLength?: number;
  placeholder?: string;
  hideLabel?: boolean;
  /** The field's current length (for the counter). */
  length?: number;
  /** Focus with the caret at the end once bound (editing in place). */
  autoFocus?: boolean;
  /** Editing in place is over: focus left, Escape, or Enter in a one-line field. */
  onDone?(): void;
}) {
  const id = useId();
  const { actor, run } = useBoard();
  const ytext = useMemo(() => getItemText(entry.doc, entry.item.id, field) ?? null, [entry.doc, entry.item.id, field]);
  const lastTouch = useRef(0);
  const [refused, setRefused] = useState<number | null>(null);
  const [node, setNode] = useState<HTMLInputElement | HTMLTextAreaElement | null>(null);
  const onLocalEdit = () => {
    setRefused(null);
    const now = Date.now();
    if (now - lastTouch.current < TOUCH_EVERY_MS) return;
    lastTouch.current = now;
    run(() => touchItem(entry.doc, actor, { itemId: entry.item.id }, { origin: STAMP_ORIGIN }));
  };
  const inputRef = useYText<HTMLInputElement>(multiline ? null : ytext, onLocalEdit);
  const areaRef = useYText<HTMLTextAreaElement>(multiline ? ytext : null, onLocalEdit);
  const setInput = useCallback(
    (el: HTMLInputElement | null) => {
      inputRef(el);
      setNode(el);
    },
    [inputRef],
  );
  const setArea = useCallback(
    (el: HTMLTextAreaElement | null) => {
      areaRef(el);
      setNode(el);
    },
    [areaRef],
  );

  // Runs after the binding has filled the field (its effect is declared first).
  useEffect(() => {
    if (!autoFocus || !node || !ytext) return;
    node.focus();
    node.setSelectionRange(node.value.length, node.value.length);
  }, [autoFocus, node, ytext]);

  function onPaste(event: ClipboardEvent<HTMLInputElement | HTMLTextAreaElement>) {
    if (maxLength) setRefused(refusePasteOverLimit(event, maxLength));
  }
  function onKeyDown(event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) {
    if (!onDone) return;
    if (event.key === 'Escape' || (event.key === 'Enter' && !multiline)) {
      event.preventDefault();
      event.currentTarget.blur();
    }
  }
  const counterId = `${id}-count`;
  const common = {
    id,
    disabled,
    maxLength,
    placeholder,
    'data-field': field,
    'data-ytext': '',
    dir: 'auto' as const,
    'aria-describedby': counterId,
    onPaste,
    onKeyDown,
    onBlur: onDone,
  };

  return (
    <div className="field ytext-field">
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      {multiline ? <textarea ref={setArea} rows={2} {...common} /> : <input ref={setInput} type="text" {...common} />}
      {maxLength && <CharLimit id={counterId} length={length} max={maxLength} refused={refused} />}
    </div>
  );
}
