import { useId, useState, type ReactNode } from 'react';

/**
 * A submit button that, when it cannot act yet, says why instead of just going pale: it stays
 * focusable (aria-disabled), names the reason to screen readers and on hover, and shows it
 * in words when pressed.
 */
export function SubmitButton({
  children,
  blockedBy,
  className = 'button primary',
}: {
  children: ReactNode;
  /** Why it cannot submit yet ("Write the promise first."), or null when it can. */
  blockedBy: string | null;
  className?: string;
}) {
  const id = useId();
  const [tried, setTried] = useState(false);
  // Once it can act, a press while it could not is forgotten: the hint does not stay after a send.
  if (tried && blockedBy === null) setTried(false);
  return (
    <span className="submit-wrap">
      <button
        type="submit"
        className={className}
        aria-disabled={blockedBy !== null}
        aria-describedby={blockedBy ? id : undefined}
        title={blockedBy ?? undefined}
        onClick={(event) => {
          if (!blockedBy) return;
          event.preventDefault();
          setTried(true);
        }}
      >
        {children}
      </button>
      {blockedBy && (
        <span id={id} className={`blocked-hint${tried ? ' shown' : ''}`} role={tried ? 'alert' : undefined}>
          {blockedBy}
        </span>
      )}
    </span>
  );
}
