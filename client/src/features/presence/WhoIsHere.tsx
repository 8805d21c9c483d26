import type { PresenceSection } from '@hearth/shared/realtime';
import type { Peer } from '../../collab/useAwareness';
import { Avatar } from './Avatar';
import { sectionOfUser } from './sectionState';

const SECTION_TEXT: Record<PresenceSection, string> = {
  experience: 'Experiences',
  promise: 'Promises',
  card: 'Needs & boundaries',
  checkin: 'Check-ins',
  appreciation: 'Appreciations',
  journey: 'Our journey',
  together: 'Together',
  people: 'People',
};

/**
 * The people on this board right now (live presence of the documents), one avatar each however
 * many tabs or documents; where they shared it, the board section or view each one is on.
 */
export function WhoIsHere({ peers }: { peers: readonly Peer[] }) {
  const sectionOf = (userId: string) => {
    const section = sectionOfUser(peers, userId);
    return section ? SECTION_TEXT[section] : null;
  };
  const byUser = new Map<string, Peer>();
  for (const peer of peers) if (!byUser.has(peer.user.id) || peer.isMe) byUser.set(peer.user.id, peer);
  const list = [...byUser.values()].sort((a, b) => Number(b.isMe) - Number(a.isMe));
  // The server stamps a read-only (counsellor) connection as "observer"; its own screen says "counsellor".
  const observing = (peer: Peer) => peer.user.role === 'observer' || peer.user.role === 'counsellor';
  return (
    <div className="who-is-here" aria-label="Who is here">
      <ul>
        {list.map((peer) => (
          <li key={peer.user.id}>
            <Avatar
              name={peer.user.name}
              userId={peer.user.id}
              observer={observing(peer)}
              where={peer.isMe ? null : sectionOf(peer.user.id)}
            />
            <span className="visually-hidden">
              {peer.isMe ? `${peer.user.name} (you)` : peer.user.name}
              {observing(peer) ? ', observing' : ''}
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
