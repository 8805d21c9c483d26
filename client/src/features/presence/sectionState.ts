import { useEffect, useRef } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { isRecord } from '@hearth/shared/guards';
import type { PresenceSection } from '@hearth/shared/realtime';
import type { Peer } from '../../collab/useAwareness';

/**
 * Shares where this person is (a board section, or a view that is not the board), in the
 * awareness of every open document (a counsellor sees only the shared board's); null says no
 * place. Sent only when it changes; someone appearing offline has no local state, so nothing
 * is shared.
 */
export function shareSection(awarenesses: readonly Awareness[], section: PresenceSection | null): void {
  for (const awareness of awarenesses) {
    const state: unknown = awareness.getLocalState();
    if (isRecord(state) && (state.section ?? null) !== section) awareness.setLocalStateField('section', section);
  }
}

/**
 * Shares the view this person has left the board for (`away`), so presence never keeps naming
 * the board section they were on. Back on the board (`away` null) the place is cleared until
 * they reach a section again (the board shares that on focus).
 */
export function useShareAway(awarenesses: readonly Awareness[], away: PresenceSection | null): void {
  const wasAway = useRef(false);
  useEffect(() => {
    if (away !== null) shareSection(awarenesses, away);
    else if (wasAway.current) shareSection(awarenesses, null);
    wasAway.current = away !== null;
  }, [awarenesses, away]);
}

/** Where a person is, from any of their connections that shares it. */
export function sectionOfUser(peers: readonly Peer[], userId: string): PresenceSection | null {
  return peers.find((p) => p.user.id === userId && p.section !== null)?.section ?? null;
}
