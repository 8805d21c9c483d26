import { useEffect } from 'react';
import { RefreshableSection } from './RefreshableSection';
import { Link } from '../../app/router';
import { formatWhen } from './auditText';
import type { CounsellorSpace } from './types';
import { useCounsellorSpaces } from './useCounsellorSpaces';

/**
 * The counsellor's home: spaces with active access (open the live board) and pending ones
 * (waiting for the partners' consent), with the last activity on the shared board.
 * `spaceHref` builds the link to a space page (default `/spaces/<id>`).
 */
export function CounsellorDashboard({
  spaceHref = (id: string) => `/spaces/${id}`,
  liveVersion = 0,
}: {
  spaceHref?: (spaceId: string) => string;
  /** Changes whenever a live status arrives for one of the listed spaces: the list refetches. */
  liveVersion?: number;
}) {
  const { data, error, loading, reload } = useCounsellorSpaces();
  useEffect(() => {
    if (liveVersion > 0) void reload();
  }, [liveVersion, reload]);
  const active = data?.filter((s) => s.access === 'active') ?? [];
  const pending = data?.filter((s) => s.access === 'pending') ?? [];

  return (
    <RefreshableSection
      title="Couples you accompany"
      level={2}
      loading={loading}
      error={error}
      onRefresh={() => void reload()}
      testId="counsellor-dashboard"
    >
      {data && data.length === 0 && <p className="muted">No couple shares their space with you right now.</p>}
      {active.length > 0 && (
        <>
          <h3>With access</h3>
          <ul className="counsellor-list">
            {active.map((s) => (
              <li key={s.id} data-testid="counsellor-space">
                <Link to={spaceHref(s.id)}>{s.name}</Link>
                <SpaceFacts space={s} />
              </li>
            ))}
          </ul>
        </>
      )}
      {pending.length > 0 && (
        <>
          <h3>Waiting for consent</h3>
          <ul className="counsellor-list">
            {pending.map((s) => (
              <li key={s.id} data-testid="counsellor-space-pending">
                {/* The page waits live and opens the board the moment both partners consent. */}
                <Link to={spaceHref(s.id)}>{s.name}</Link>
                <SpaceFacts space={s} />
              </li>
            ))}
          </ul>
        </>
      )}
    </RefreshableSection>
  );
}

function SpaceFacts({ space }: { space: CounsellorSpace }) {
  return (
    <p className="muted small-print">
      With {space.partners.map((p) => p.displayName).join(' & ')}
      {space.access === 'pending' && ' · access pending until both partners consent'}
      {space.access === 'active' && ` · last activity ${space.lastActivityAt ? formatWhen(space.lastActivityAt) : 'none yet'}`}
      {space.until && ` · access until ${formatWhen(space.until)}`}
      {space.canFacilitate && ' · you may facilitate exercises'}
    </p>
  );
}
