import { SAVE_TEXT, saveStateOf, type DocStatus } from '../../collab/docStatus';
import { useUnsavedFor } from '../../collab/useDocStatus';

const LABEL = {
  connecting: 'Connecting…',
  live: 'Live',
  offline: 'Offline',
  closed: 'Disconnected',
} as const;

/**
 * Always-visible connection and save state. "All changes saved" appears only when the server's
 * saved acknowledgement covers this device's edits; until then it says "Saving…", and once an
 * acknowledgement is more than 3 s overdue, "Not saved — waiting for storage".
 */
export function ConnectionBadge({ status, readOnly }: { status: DocStatus; readOnly: boolean }) {
  const unsavedFor = useUnsavedFor(status.saved);
  const save = saveStateOf(status, readOnly, unsavedFor);
  return (
    <div className={`connection-badge state-${status.state} save-${save}`} role="status" aria-live="polite" data-testid="connection-status">
      <span className="dot" aria-hidden="true" />
      <span className="state" data-testid="connection-state">
        {LABEL[status.state]}
      </span>
      <span className="sep" aria-hidden="true">
        ·
      </span>
      <span className="saved" data-testid="save-state">
        {SAVE_TEXT[save]}
      </span>
    </div>
  );
}
