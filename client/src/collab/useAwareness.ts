import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { isRecord } from '@hearth/shared/guards';
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
  awareness.getStates().forEach((state: unknown, clientId) => {
    if (!isRecord(state) || !isRecord(state.user)) return;
    const { id, name, role } = state.user;
    if (typeof id !== 'string' || typeof name !== 'string') return;
    const { editing } = state;
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
