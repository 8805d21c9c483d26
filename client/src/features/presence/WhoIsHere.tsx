import type { Peer } from '../../collab/useAwareness';
import { Avatar } from './Avatar';

/** The people on this board right now, one avatar each however many tabs or documents. */
export function WhoIsHere({ peers }: { peers: readonly Peer[] }) {
  const people = new Map<string, Peer>();
  for (const peer of peers) if (!people.has(peer.user.id) || peer.isMe) people.set(peer.user.id, peer);
  const list = [...people.values()].sort((a, b) => Number(b.isMe) - Number(a.isMe));
  return (
    <div className="who-is-here" aria-label="Who is here">
      <ul>
        {list.map((peer) => (
          <li key={peer.user.id}>
            <Avatar name={peer.user.name} userId={peer.user.id} observer={peer.user.role === 'counsellor'} />
            <span className="visually-hidden">
              {peer.isMe ? `${peer.user.name} (you)` : peer.user.name}
              {peer.user.role === 'counsellor' ? ', observing' : ''}
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
