import { useId, useMemo, useRef } from 'react';
import { getItemText, touchItem, type TextField } from '@hearth/shared/board';
import { useYText } from '../../collab/useYText';
import { LOCAL_ORIGIN } from '../../collab/origins';
import { useBoard } from './boardContext';
import type { BoardEntry } from './boardStore';

const TOUCH_EVERY_MS = 2000;

/**
 * A labelled input or textarea bound live to one of an item's Y.Text fields. Typing merges
 * with a partner typing in the same field; `updatedAt` is stamped at most every 2 s.
 */
export function YTextField({ entry, field, label, multiline = false, disabled, maxLength, placeholder, hideLabel = false }: {
  entry: BoardEntry;
  field: TextField;
  label: string;
  multiline?: boolean;
  disabled: boolean;
  maxLength?: number;
  placeholder?: string;
  hideLabel?: boolean;
}) {
  const id = useId();
  const { actor, run } = useBoard();
  const ytext = useMemo(() => getItemText(entry.doc, entry.item.id, field) ?? null, [entry.doc, entry.item.id, field]);
  const lastTouch = useRef(0);
  const onLocalEdit = () => {
    const now = Date.now();
    if (now - lastTouch.current < TOUCH_EVERY_MS) return;
    lastTouch.current = now;
    run(() => touchItem(entry.doc, actor, { itemId: entry.item.id }, { origin: LOCAL_ORIGIN }));
  };
  const inputRef = useYText<HTMLInputElement>(multiline ? null : ytext, onLocalEdit);
  const areaRef = useYText<HTMLTextAreaElement>(multiline ? ytext : null, onLocalEdit);

  return (
    <div className="field ytext-field">
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      {multiline ? (
        <textarea id={id} ref={areaRef} disabled={disabled} maxLength={maxLength} placeholder={placeholder} rows={2} data-field={field} data-ytext="" />
      ) : (
        <input id={id} ref={inputRef} type="text" disabled={disabled} maxLength={maxLength} placeholder={placeholder} data-field={field} data-ytext="" />
      )}
    </div>
  );
}
