import { useCallback, useEffect, useState } from 'react';
import type { SpaceDto } from '@hearth/shared/api';
import type { PartnerStatus, SpaceEndReason } from '@hearth/shared/socket';
import { api } from '../../lib/api';
import { ApiError } from '../../lib/http';
import { upsertSpace, useSpaces } from '../spaces/spacesStore';
import { recheckSpace, useSpaceStatus } from '../livestatus/statusStore';

export interface SpaceState {
  space: SpaceDto | null;
  /**
   * `not_found` covers "never existed" and "no longer a member" alike (the server says 404);
   * `ended` carries what the server said live (e.g. "This space was deleted by both partners.").
   */
  error: { code: string; message: string; reason?: SpaceEndReason } | null;
  /** Partner-only live facts (consent per partner, deletion requests, open invites); null otherwise. */
  partner: PartnerStatus | null;
  refresh(): Promise<void>;
}

/**
 * The space's name and members. The live status (Socket.io) keeps it current without reload;
 * `refresh` reloads over HTTP (on focus, and when a board connection closes for good).
 */
export function useSpace(spaceId: string): SpaceState {
  const [space, setSpace] = useState<SpaceDto | null>(null);
  // The spaces list (loaded at start for the switcher) usually arrives first: open with it.
  const listed = useSpaces().spaces?.find((s) => s.id === spaceId) ?? null;
  const [error, setError] = useState<SpaceState['error']>(null);
  const live = useSpaceStatus(spaceId);

  const load = useCallback(async () => {
    try {
      const { space: loaded } = await api.getSpace(spaceId);
      setSpace(loaded);
      setError(null);
      upsertSpace(loaded);
    } catch (caught) {
      if (caught instanceof ApiError && caught.code !== 'network') {
        setError({ code: caught.code, message: caught.message });
        if (caught.status === 404) setSpace(null);
      }
    }
  }, [spaceId]);

  // Later checks go through the live status when it is following this space.
  const refresh = useCallback(async () => {
    if (!recheckSpace(spaceId)) await load();
  }, [spaceId, load]);

  useEffect(() => {
    void load();
    const onFocus = () => void refresh();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [spaceId, load, refresh]);

  if (live?.state === 'ended')
    return { space: null, error: { code: 'ended', message: live.message, reason: live.reason }, partner: null, refresh };
  if (live?.state === 'open') return { space: live.space, error: null, partner: live.partner, refresh };
  if (live?.state === 'unavailable') {
    return {
      space: null,
      error: live.message ? { code: 'ended', message: live.message } : { code: 'not_found', message: 'No such space.' },
      partner: null,
      refresh,
    };
  }
  return { space: space ?? (error ? null : listed), error, partner: null, refresh };
}
