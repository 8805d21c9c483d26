import { useId } from 'react';
import type { SpaceDto } from '@hearth/shared/api';

const ACCESS_TEXT = {
  pending: 'access pending',
  active: 'can see “us + counsellor” items',
  withdrawn: 'consent withdrawn',
  expired: 'access expired',
} as const;

/** Who is in the space, with each counsellor's access (consent itself is in the privacy panel). */
export function MembersPanel({ space, myId }: { space: SpaceDto; myId: string }) {
  const id = useId();
  return (
    <section className="card-surface side-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>People</h2>
      <ul className="member-list">
        {space.members.map((member) => (
          <li key={member.userId}>
            <span>
              <strong dir="auto">{member.displayName}</strong>
              {member.userId === myId && ' (you)'}
            </span>
            <span className="muted member-role">
              {member.role === 'counsellor' ? 'Counsellor' : 'Partner'}
              {member.role === 'counsellor' && member.access && `: ${ACCESS_TEXT[member.access]}`}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
