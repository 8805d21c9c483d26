import * as Y from 'yjs';
import { applyTextChange, diffText } from '@hearth/shared/board';
import { LOCAL_ORIGIN } from './origins';

/** What the binding needs from an <input> or <textarea>; a plain object in unit tests. */
export interface TextFieldLike {
  value: string;
  selectionStart: number | null;
  selectionEnd: number | null;
  setSelectionRange(start: number, end: number): void;
}

export interface YTextBinding {
  /** Call from the field's `input` event: applies the edit to the Y.Text as a minimal change. */
  handleInput(): void;
  destroy(): void;
}

interface SavedSelection {
  start: Y.RelativePosition;
  end: Y.RelativePosition;
}

/**
 * Two-way binding between a Y.Text and a text field. Local input becomes a minimal delete +
 * insert; remote changes rewrite the field and put the caret/selection back where it was,
 * tracked as Y.RelativePositions captured just before each transaction.
 */
export function bindYText(ytext: Y.Text, field: TextFieldLike, isFocused: () => boolean, origin: unknown = LOCAL_ORIGIN): YTextBinding {
  const doc = ytext.doc;
  if (!doc) throw new Error('bindYText needs a Y.Text that belongs to a Y.Doc');
  let saved: SavedSelection | null = null;

  field.value = ytext.toString();

  function captureSelection() {
    saved = null;
    if (!isFocused() || field.selectionStart == null || field.selectionEnd == null) return;
    // Only meaningful while the field still shows the Y.Text's content.
    if (field.value !== ytext.toString()) return;
    const collapsed = field.selectionStart === field.selectionEnd;
    // A caret sticks to the character before it, so text a partner inserts right at our caret
    // appears after it and our next keystroke follows our own text.
    saved = {
      start: Y.createRelativePositionFromTypeIndex(ytext, field.selectionStart, collapsed ? -1 : 0),
      end: Y.createRelativePositionFromTypeIndex(ytext, field.selectionEnd, -1),
    };
  }

  function restoreSelection(selection: SavedSelection | null) {
    if (!selection || !isFocused()) return;
    const start = Y.createAbsolutePositionFromRelativePosition(selection.start, doc!);
    const end = Y.createAbsolutePositionFromRelativePosition(selection.end, doc!);
    if (!start || !end || start.type !== ytext || end.type !== ytext) return;
    field.setSelectionRange(start.index, Math.max(start.index, end.index));
  }

  function showRemote() {
    const next = ytext.toString();
    if (field.value === next) return;
    const selection = saved;
    field.value = next;
    restoreSelection(selection);
  }

  const onBeforeTransaction = (transaction: Y.Transaction) => {
    if (transaction.origin !== origin) captureSelection();
  };
  const onObserve = (_event: Y.YTextEvent, transaction: Y.Transaction) => {
    if (transaction.origin === origin) return;
    showRemote();
  };
  doc.on('beforeTransaction', onBeforeTransaction);
  ytext.observe(onObserve);

  return {
    handleInput() {
      const change = diffText(ytext.toString(), field.value, field.selectionEnd);
      if (!change) return;
      doc.transact(() => applyTextChange(ytext, change), origin);
    },
    destroy() {
      doc.off('beforeTransaction', onBeforeTransaction);
      ytext.unobserve(onObserve);
    },
  };
}
