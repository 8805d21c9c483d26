import type { PresencePerson } from '@hearth/shared/socket';
import type { Peer } from '../../collab/useAwareness';
import { Avatar } from './Avatar';

const SECTION_TEXT: Record<string, string> = {
  experience: 'Experiences',
  promise: 'Promises',
  card: 'Needs & boundaries',
  checkin: 'Check-ins',
  appreciation: 'Appreciations',
};

/**
 * The people on this board right now (live presence of the documents), one avatar each however
 * many tabs or documents; where the server knows it, the section each one is looking at.
 */
export function WhoIsHere({ peers, people = [] }: { peers: readonly Peer[]; people?: readonly PresencePerson[] }) {
  const sectionOf = (userId: string) => {
    const section = people.find((p) => p.userId === userId)?.section;
    return section ? (SECTION_TEXT[section] ?? section) : null;
  };
  const byUser = new Map<string, Peer>();
  for (const peer of peers) if (!byUser.has(peer.user.id) || peer.isMe) byUser.set(peer.user.id, peer);
  const list = [...byUser.values()].sort((a, b) => Number(b.isMe) - Number(a.isMe));
  return (
    <div className="who-is-here" aria-label="Who is here">
      <ul>
        {list.map((peer) => (
          <li key={peer.user.id}>
            <Avatar
              name={peer.user.name}
              userId={peer.user.id}
              observer={peer.user.role === 'counsellor'}
              where={peer.isMe ? null : sectionOf(peer.user.id)}
            />
            <span className="visually-hidden">
              {peer.isMe ? `${peer.user.name} (you)` : peer.user.name}
              {peer.user.role === 'counsellor' ? ', observing' : ''}
              {!peer.isMe && sectionOf(peer.user.id) ? `, on ${sectionOf(peer.user.id)}` : ''}
            </span>
          </li>
        ))}
      </ul>
      <span className="muted here-count" data-testid="here-count">
        {list.length === 1 ? 'Only you here' : `${list.length} here`}
      </span>
    </div>
  );
}
