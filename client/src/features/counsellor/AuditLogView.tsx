import { useEffect, useState } from 'react';
import type { SpaceMemberDto } from '@hearth/shared/api';
import { RefreshableSection } from './RefreshableSection';
import { auditLogLines } from './auditText';
import { useAuditLog } from './useCounsellors';

/** How often the log refreshes itself while the page is visible (the server sends no event). */
export const AUDIT_POLL_MS = 5000;

/**
 * Every time a counsellor looked, as sessions ("Dr. Lee viewed the shared board · Tue 14:02
 * (12 min)"), newest first. Read-only by design; refreshes itself while the page is visible.
 */
export function AuditLogView({ spaceId, members }: { spaceId: string; members: readonly SpaceMemberDto[] }) {
  const { data, error, loading, reload } = useAuditLog(spaceId);
  const [now, setNow] = useState(() => Date.now());
  const names = new Map(members.map((m) => [m.userId, m.displayName]));
  const lines = auditLogLines(data ?? [], (userId) => names.get(userId), now);

  useEffect(() => {
    const timer = window.setInterval(() => {
      if (document.visibilityState !== 'visible') return;
      setNow(Date.now());
      void reload();
    }, AUDIT_POLL_MS);
    return () => window.clearInterval(timer);
  }, [reload]);

  return (
    <RefreshableSection
      title="Counsellor access log"
      level={3}
      loading={loading && data === null}
      error={error}
      onRefresh={() => void reload()}
      testId="audit-log"
    >
      {data && lines.length === 0 && <p className="muted small-print">No counsellor has looked at anything yet.</p>}
      {lines.length > 0 && (
        <ol className="audit-log" aria-label="Access log entries" aria-live="polite">
          {lines.map((line) => (
            <li key={line.key} data-at={line.at}>
              {line.text}
            </li>
          ))}
        </ol>
      )}
    </RefreshableSection>
  );
}
