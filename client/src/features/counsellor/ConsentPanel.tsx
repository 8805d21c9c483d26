import { useId, useState } from 'react';
import type { SpaceDto } from '@hearth/shared/api';
import { ApiError } from '../../lib/http';
import { AuditLogView } from './AuditLogView';
import { formatWhen } from './auditText';
import { counsellorApi } from './counsellorApi';
import type { CounsellorMember } from './types';
import { useCounsellors } from './useCounsellors';

const ACCESS_TEXT = {
  pending: 'Waiting for both partners’ consent',
  active: 'Can see “us + counsellor” items',
  withdrawn: 'Consent withdrawn',
  expired: 'Access ended',
} as const;

/**
 * For partners: each counsellor's access, this partner's consent (with an optional end
 * date), withdrawal, permission to facilitate exercises, and the access log.
 * `onChanged` lets the page refresh the space after a change.
 */
export function ConsentPanel({
  space,
  myId,
  live,
  onChanged,
}: {
  space: SpaceDto;
  myId: string;
  /** The counsellors as the live status last pushed them; fetched over HTTP until it arrives. */
  live?: CounsellorMember[];
  onChanged?: () => void;
}) {
  const id = useId();
  const fetched = useCounsellors(space.id);
  const { error, reload } = fetched;
  const data = live ?? fetched.data;
  const [actionError, setActionError] = useState<string | null>(null);

  async function act(run: () => Promise<unknown>) {
    setActionError(null);
    try {
      await run();
      await reload();
      onChanged?.();
    } catch (caught) {
      setActionError(caught instanceof ApiError ? caught.message : 'That did not work. Please try again.');
    }
  }

  return (
    <section className="card-surface side-card" aria-labelledby={`${id}-title`} data-testid="consent-panel">
      <h2 id={`${id}-title`}>Counsellor access</h2>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {data && data.length === 0 && <p className="muted small-print">No counsellor has joined this space.</p>}
      <ul className="member-list">
        {data?.map((c) => (
          <CounsellorRow key={c.userId} counsellor={c} spaceId={space.id} myId={myId} act={act} />
        ))}
      </ul>
      {actionError && (
        <p className="error-text" role="alert">
          {actionError}
        </p>
      )}
      <AuditLogView spaceId={space.id} members={space.members} />
    </section>
  );
}

/** Partners may know who consented (the counsellor is only ever told "pending"). */
function accessText(c: CounsellorMember, myId: string): string {
  if (c.access !== 'pending') return ACCESS_TEXT[c.access];
  const mine = c.consentBy.includes(myId);
  const other = c.consentBy.some((id) => id !== myId);
  if (mine) return 'You consented; waiting for your partner';
  if (other) return 'Your partner consented; waiting for you';
  return ACCESS_TEXT.pending;
}

function CounsellorRow({
  counsellor: c,
  spaceId,
  myId,
  act,
}: {
  counsellor: CounsellorMember;
  spaceId: string;
  myId: string;
  act(run: () => Promise<unknown>): Promise<void>;
}) {
  const untilId = useId();
  const [until, setUntil] = useState('');
  const iConsented = c.consentBy.includes(myId);
  const open = c.access === 'pending' || c.access === 'active';

  return (
    <li data-testid="consent-row">
      <strong>{c.displayName}</strong>
      <span className="muted member-role" data-testid="consent-state">
        {accessText(c, myId)}
        {c.until && open && ` · until ${formatWhen(c.until)}`}
      </span>
      {open && !iConsented && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void act(() => counsellorApi.consent(spaceId, c.userId, true, until ? new Date(until).toISOString() : undefined));
          }}
        >
          <label htmlFor={untilId} className="field-label">
            Until (optional)
          </label>
          <input id={untilId} type="date" value={until} onChange={(e) => setUntil(e.target.value)} />
          <button type="submit" className="button small primary">
            I consent
          </button>
        </form>
      )}
      {open && !iConsented && (
        <div className="row">
          <button
            type="button"
            className="button small quiet danger"
            onClick={() => {
              if (window.confirm(`Decline ${c.displayName}? They will need a new invitation.`)) {
                void act(() => counsellorApi.consent(spaceId, c.userId, false));
              }
            }}
          >
            Decline
          </button>
        </div>
      )}
      {open && iConsented && (
        <div className="row">
          <label>
            <input
              type="checkbox"
              checked={c.canFacilitate}
              onChange={(e) => void act(() => counsellorApi.facilitation(spaceId, c.userId, e.target.checked))}
            />{' '}
            May start, pause and advance exercises
          </label>
          <button
            type="button"
            className="button small danger"
            onClick={() => {
              if (window.confirm(`Withdraw consent for ${c.displayName}? Their access ends now, for good.`)) {
                void act(() => counsellorApi.consent(spaceId, c.userId, false));
              }
            }}
          >
            Withdraw consent
          </button>
        </div>
      )}
    </li>
  );
}
