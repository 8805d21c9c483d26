import { useEffect, useState } from 'react';
import type { SpaceMemberDto } from '@hearth/shared/api';
import { getSocket } from '../../lib/socket';
import { RefreshableSection } from './RefreshableSection';
import { auditLogLines } from './auditText';
import { useAuditLog } from './useCounsellors';

/**
 * Every time a counsellor looked, as sessions ("Dr. Lee viewed the shared board · Tue 14:02
 * (12 min)"), newest first. Read-only by design; follows the server's `space:access-logged`,
 * so a visit shows as it starts and ends; loads again on every (re)connection, since what
 * was pushed while disconnected is missed.
 */
export function AuditLogView({ spaceId, members }: { spaceId: string; members: readonly SpaceMemberDto[] }) {
  const { data, error, loading, reload } = useAuditLog(spaceId);
  const [now, setNow] = useState(() => Date.now());
  const names = new Map(members.map((m) => [m.userId, m.displayName]));
  const lines = auditLogLines(data ?? [], (userId) => names.get(userId), now);

  useEffect(() => {
    const socket = getSocket();
    const refetch = () => {
      setNow(Date.now());
      void reload();
    };
    const onLogged = (payload: { spaceId: string }) => {
      if (payload.spaceId === spaceId) refetch();
    };
    socket.on('space:access-logged', onLogged);
    socket.on('connect', refetch);
    return () => {
      socket.off('space:access-logged', onLogged);
      socket.off('connect', refetch);
    };
  }, [spaceId, reload]);

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
