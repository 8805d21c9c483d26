import { useCallback, useEffect, useRef, type FocusEvent } from 'react';

/** A text field (not a button, checkbox or select) is where someone is "editing". */
function isTyping(target: EventTarget): boolean {
  return target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && target.type === 'text');
}

/**
 * Focus handlers for a card that announce "editing" while one of its text fields has focus, and
 * stop on every way out: blur to outside the card, focus moving to a button of the card, and the
 * focused field going away (a reply sent with Enter, a form cancelled with Escape), which fires
 * no blur. Only the card being edited watches its DOM for that, and only while a field has
 * focus. The card unmounting is handled by `useEditors`.
 */
export function useEditingFocus(setEditing: (editing: boolean) => void) {
  const card = useRef<HTMLElement | null>(null);
  const watching = useRef<MutationObserver | null>(null);
  const setRef = useRef(setEditing);
  setRef.current = setEditing;

  const stop = useCallback(() => {
    watching.current?.disconnect();
    watching.current = null;
    setRef.current(false);
  }, []);

  useEffect(() => () => watching.current?.disconnect(), []);

  const onFocus = useCallback(
    (event: FocusEvent<HTMLElement>) => {
      if (!isTyping(event.target)) return stop();
      const field = event.target;
      watching.current?.disconnect();
      watching.current = new MutationObserver(() => {
        if (!field.isConnected) stop();
      });
      if (card.current) watching.current.observe(card.current, { childList: true, subtree: true });
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
