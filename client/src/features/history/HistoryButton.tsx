import { useCallback, useEffect, useState } from 'react';
import { HistoryDialog } from './HistoryDialog';

/** "History" on the board, for partners; says what was restored once the dialog closes. */
export function HistoryButton({ spaceId }: { spaceId: string }) {
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  const close = useCallback(() => setOpen(false), []);
  useEffect(() => {
    if (!message) return undefined;
    const t = setTimeout(() => setMessage(''), 8000);
    return () => clearTimeout(t);
  }, [message]);
  return (
    <>
      <span role="status" className="history-status">
        {message}
      </span>
      <button type="button" className="button small" onClick={() => setOpen(true)}>
        History
      </button>
      {open && <HistoryDialog spaceId={spaceId} onClose={close} onRestored={setMessage} />}
    </>
  );
}
