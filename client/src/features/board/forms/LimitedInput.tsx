import { useState, type ChangeEvent, type ClipboardEvent } from 'react';
import { CharLimit, refusePasteOverLimit } from '../../../lib/CharLimit';

/**
 * A plain (not collaborative) text field with its limit made visible: a counter near the
 * limit, and a paste that would not fit is refused with a message rather than cut short.
 */
export function LimitedInput({
  id,
  value,
  onChange,
  max,
  multiline = false,
  autoFocus = false,
}: {
  id: string;
  value: string;
  onChange(value: string): void;
  max: number;
  multiline?: boolean;
  autoFocus?: boolean;
}) {
  const [refused, setRefused] = useState<number | null>(null);
  const props = {
    id,
    value,
    maxLength: max,
    autoFocus,
    dir: 'auto' as const,
    'aria-describedby': `${id}-count`,
    onPaste: (e: ClipboardEvent<HTMLInputElement | HTMLTextAreaElement>) => setRefused(refusePasteOverLimit(e, max)),
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      setRefused(null);
      onChange(e.target.value);
    },
  };
  return (
    <>
      {multiline ? <textarea {...props} /> : <input {...props} />}
      <CharLimit id={`${id}-count`} length={value.length} max={max} refused={refused} />
    </>
  );
}
