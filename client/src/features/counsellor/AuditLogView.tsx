import { useId } from 'react';
import type { SpaceMemberDto } from '@hearth/shared/api';
import { describeAuditEntry, formatWhen } from './auditText';
import { useAuditLog } from './useCounsellors';

/**
 * Every time a counsellor looked: opened or closed a board, observed an exercise, exported.
 * Read-only by design (the log has no API to change it). Newest first.
 */
export function AuditLogView({ spaceId, members }: { spaceId: string; members: readonly SpaceMemberDto[] }) {
  const id = useId();
  const { data, error, loading, reload } = useAuditLog(spaceId);
  const names = new Map(members.map((m) => [m.userId, m.displayName]));
  const entries = [...(data ?? [])].reverse();

  return (
    <section aria-labelledby={`${id}-title`} aria-busy={loading} data-testid="audit-log">
      <div className="section-head">
        <h3 id={`${id}-title`}>Counsellor access log</h3>
        <button type="button" className="button small quiet" onClick={() => void reload()}>
          Refresh
        </button>
      </div>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {data && entries.length === 0 && <p className="muted small-print">No counsellor has looked at anything yet.</p>}
      {entries.length > 0 && (
        <ol className="member-list" aria-label="Access log entries">
          {entries.map((entry, i) => (
            <li key={`${entry.at}-${i}`}>
              <time dateTime={entry.at} className="muted small-print">
                {formatWhen(entry.at)}
              </time>{' '}
              {describeAuditEntry(entry, (userId) => names.get(userId))}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
