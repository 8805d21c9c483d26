import { useCallback, useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { bindYText } from './yTextBinding';

type TextElement = HTMLInputElement | HTMLTextAreaElement;

/**
 * Binds an <input> or <textarea> to a Y.Text: give the returned ref to the element and leave
 * it uncontrolled (no `value` prop). `onLocalEdit` runs after each of this person's edits.
 */
export function useYText<T extends TextElement>(ytext: Y.Text | null, onLocalEdit?: () => void): (element: T | null) => void {
  const [element, setElement] = useState<T | null>(null);
  const onEdit = useRef(onLocalEdit);
  onEdit.current = onLocalEdit;

  useEffect(() => {
    if (!element || !ytext) return undefined;
    const binding = bindYText(ytext, element, () => element.ownerDocument.activeElement === element);
    const onInput = () => {
      binding.handleInput();
      onEdit.current?.();
    };
    element.addEventListener('input', onInput);
    return () => {
      element.removeEventListener('input', onInput);
      binding.destroy();
    };
  }, [element, ytext]);

  return useCallback((node: T | null) => setElement(node), []);
}
