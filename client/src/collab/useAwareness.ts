import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { presenceSectionOf, type PresenceSection } from '@hearth/shared/realtime';
import { registerAwareness } from './awarenessRegistry';

/** A peer as the server stamped it: `user` always comes from the session, never the client. */
export interface Peer {
  clientId: number;
  user: { id: string; name: string; role: string };
  editing: string | null;
  /** The board section they are looking at (never an item). */
  section: PresenceSection | null;
  isMe: boolean;
}

export function peersOf(awareness: Awareness): Peer[] {
  const peers: Peer[] = [];
  awareness.getStates().forEach((state, clientId) => {
    const user = (state as { user?: unknown }).user;
    if (!user || typeof user !== 'object') return;
    const { id, name, role } = user as Record<string, unknown>;
    if (typeof id !== 'string' || typeof name !== 'string') return;
    const editing = (state as { editing?: unknown }).editing;
    peers.push({
      clientId,
      user: { id, name, role: typeof role === 'string' ? role : 'partner' },
      editing: typeof editing === 'string' ? editing : null,
      section: presenceSectionOf(state),
      isMe: clientId === awareness.clientID,
    });
  });
  return peers;
}

/** Live list of peers on several documents' awareness (one person may be on all three). */
export function usePeers(awarenesses: readonly Awareness[]): Peer[] {
  const [peers, setPeers] = useState<Peer[]>(() => awarenesses.flatMap(peersOf));
  useEffect(() => {
    const refresh = () => setPeers(awarenesses.flatMap(peersOf));
    for (const awareness of awarenesses) registerAwareness(awareness);
    refresh();
    for (const awareness of awarenesses) awareness.on('change', refresh);
    return () => {
      for (const awareness of awarenesses) awareness.off('change', refresh);
    };
  }, [awarenesses]);
  return peers;
}
