import { RefreshableSection } from './RefreshableSection';
import type { SpaceMemberDto } from '@hearth/shared/api';
import { describeAuditEntry, formatWhen } from './auditText';
import { useAuditLog } from './useCounsellors';

/**
 * Every time a counsellor looked: opened or closed a board, observed an exercise, exported.
 * Read-only by design (the log has no API to change it). Newest first.
 */
export function AuditLogView({ spaceId, members }: { spaceId: string; members: readonly SpaceMemberDto[] }) {
  const { data, error, loading, reload } = useAuditLog(spaceId);
  const names = new Map(members.map((m) => [m.userId, m.displayName]));
  const entries = [...(data ?? [])].reverse();

  return (
    <RefreshableSection title="Counsellor access log" level={3} loading={loading} error={error} onRefresh={() => void reload()} testId="audit-log">
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
    </RefreshableSection>
  );
}
