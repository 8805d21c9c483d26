import type { Awareness } from 'y-protocols/awareness';
import { isRecord } from '@hearth/shared/guards';
import type { PresenceSection } from '@hearth/shared/realtime';
import type { Peer } from '../../collab/useAwareness';

/**
 * Shares which board section this person is on, in the awareness of every open document (a
 * counsellor sees only the shared board's). Sent only when it changes; someone appearing
 * offline has no local state, so nothing is shared.
 */
export function shareSection(awarenesses: readonly Awareness[], section: PresenceSection): void {
  for (const awareness of awarenesses) {
    const state: unknown = awareness.getLocalState();
    if (isRecord(state) && state.section !== section) awareness.setLocalStateField('section', section);
  }
}

/** The section a person is on, from any of their connections that shares one. */
export function sectionOfUser(peers: readonly Peer[], userId: string): PresenceSection | null {
  return peers.find((p) => p.user.id === userId && p.section !== null)?.section ?? null;
}
