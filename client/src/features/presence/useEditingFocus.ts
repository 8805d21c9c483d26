import { useCallback, useEffect, useRef, type FocusEvent } from 'react';

/** A text field (not a button, checkbox or select) is where someone is "editing". */
function isTyping(target: EventTarget): boolean {
  return target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && target.type === 'text');
}

/**
 * Focus handlers for a card that announce "editing" while one of its text fields has focus, and
 * stop on every way out: blur to outside the card, focus moving to a button of the card, and the
 * focused field going away (a reply sent with Enter, a form cancelled with Escape), which fires
 * no blur. The card unmounting is handled by `useEditors`.
 */
export function useEditingFocus(setEditing: (editing: boolean) => void) {
  const field = useRef<HTMLElement | null>(null);
  const card = useRef<HTMLElement | null>(null);
  const setRef = useRef(setEditing);
  setRef.current = setEditing;

  const stop = useCallback(() => {
    field.current = null;
    setRef.current(false);
  }, []);

  useEffect(() => {
    const root = card.current;
    if (!root) return undefined;
    const observer = new MutationObserver(() => {
      if (field.current && !field.current.isConnected) stop();
    });
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [stop]);

  const onFocus = useCallback(
    (event: FocusEvent<HTMLElement>) => {
      if (!isTyping(event.target)) return stop();
      field.current = event.target;
      setRef.current(true);
    },
    [stop],
  );
  const onBlur = useCallback(
    (event: FocusEvent<HTMLElement>) => {
      const next = event.relatedTarget instanceof Node ? event.relatedTarget : null;
      if (!event.currentTarget.contains(next)) stop();
    },
    [stop],
  );
  return { ref: card, onFocus, onBlur };
}
