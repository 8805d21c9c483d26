import type { DocStatus } from '../../collab/docStatus';

const LABEL = {
  connecting: 'Connecting…',
  live: 'Live',
  offline: 'Offline',
  closed: 'Disconnected',
} as const;

/**
 * Always-visible connection and save state. "All changes saved" appears only when the server's
 * saved acknowledgement covers this device's edits; until then it says "Saving…".
 */
export function ConnectionBadge({ status, readOnly }: { status: DocStatus; readOnly: boolean }) {
  const saveText = readOnly
    ? 'View only'
    : status.saved
      ? 'All changes saved'
      : status.state === 'live'
        ? 'Saving…'
        : 'Changes kept on this device until you reconnect';
  return (
    <div className={`connection-badge state-${status.state}`} role="status" aria-live="polite" data-testid="connection-status">
      <span className="dot" aria-hidden="true" />
      <span className="state" data-testid="connection-state">
        {LABEL[status.state]}
      </span>
      <span className="sep" aria-hidden="true">
        ·
      </span>
      <span className="saved" data-testid="save-state">
        {saveText}
      </span>
    </div>
  );
}
