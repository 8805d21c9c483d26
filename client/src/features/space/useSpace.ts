import { useCallback, useEffect, useState } from 'react';
import type { SpaceDto } from '@hearth/shared/api';
import { api } from '../../lib/api';
import { ApiError } from '../../lib/http';
import { upsertSpace, useSpaces } from '../spaces/spacesStore';

export interface SpaceState {
  space: SpaceDto | null;
  /** `not_found` covers "never existed" and "no longer a member" alike (the server says 404). */
  error: { code: string; message: string } | null;
  refresh(): Promise<void>;
}

/**
 * The space's name and members; `refresh` is called when the server says they changed (a
 * partner accepted, a counsellor got consent) and when the tab regains focus.
 */
export function useSpace(spaceId: string): SpaceState {
  const [space, setSpace] = useState<SpaceDto | null>(null);
  // The spaces list (loaded at start for the switcher) usually arrives first: open with it.
  const listed = useSpaces().spaces?.find((s) => s.id === spaceId) ?? null;
  const [error, setError] = useState<SpaceState['error']>(null);

  const refresh = useCallback(async () => {
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

  useEffect(() => {
    void refresh();
    // Socket.io's "space changed" arrives through useSpacePresence; focus covers the rest.
    const onFocus = () => void refresh();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [spaceId, refresh]);

  return { space: space ?? (error ? null : listed), error, refresh };
}
