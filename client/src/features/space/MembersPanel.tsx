import { useId, useState } from 'react';
import type { SpaceDto } from '@hearth/shared/api';
import { api } from '../../lib/api';
import { ApiError } from '../../lib/http';

const ACCESS_TEXT = {
  pending: 'waiting for both partners’ consent',
  active: 'can see “us + counsellor” items',
  withdrawn: 'consent withdrawn',
  expired: 'access expired',
} as const;

/** Who is in the space, and each counsellor's access with this partner's consent control. */
export function MembersPanel({ space, myId, isPartner, onChanged }: {
  space: SpaceDto;
  myId: string;
  isPartner: boolean;
  onChanged(): void;
}) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);

  async function consent(userId: string, granted: boolean) {
    setError(null);
    try {
      await api.setCounsellorConsent(space.id, userId, granted);
      onChanged();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'Could not record your consent.');
    }
  }

  return (
    <section className="card-surface side-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>People</h2>
      <ul className="member-list">
        {space.members.map((member) => (
          <li key={member.userId}>
            <span>
              <strong>{member.displayName}</strong>
              {member.userId === myId && ' (you)'}
            </span>
            <span className="muted member-role">
              {member.role === 'counsellor' ? 'Counsellor' : 'Partner'}
              {member.role === 'counsellor' && member.access && `: ${ACCESS_TEXT[member.access]}`}
            </span>
            {isPartner && member.role === 'counsellor' && member.access !== 'active' && (
              <button type="button" className="button small" onClick={() => consent(member.userId, true)}>
                I consent
              </button>
            )}
            {isPartner && member.role === 'counsellor' && member.access === 'active' && (
              <button type="button" className="button small quiet" onClick={() => consent(member.userId, false)}>
                Withdraw consent
              </button>
            )}
          </li>
        ))}
      </ul>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
