import { useEffect, useSyncExternalStore } from 'react';
import type { SpaceDto } from '@hearth/shared/api';
import { api } from '../../lib/api';
import { ApiError } from '../../lib/http';

interface SpacesState {
  spaces: SpaceDto[] | null;
  error: string | null;
  /** A counsellor in some space, also one whose access ended (no longer listed). */
  counsels: boolean;
}

// The member's spaces, shared by the header switcher and the spaces page.
let state: SpacesState = { spaces: null, error: null, counsels: false };
const listeners = new Set<() => void>();

function set(next: SpacesState) {
  state = next;
  for (const listener of listeners) listener();
}

export async function refreshSpaces(): Promise<void> {
  try {
    const { spaces, counsels } = await api.listSpaces();
    set({ spaces, error: null, counsels });
  } catch (error) {
    set({ ...state, error: error instanceof ApiError ? error.message : 'Could not load your spaces.' });
  }
}

/** Puts a space the client just learned about (created, accepted, reloaded) into the list. */
export function upsertSpace(space: SpaceDto): void {
  const others = (state.spaces ?? []).filter((s) => s.id !== space.id);
  set({ ...state, spaces: [...others, space] });
}

/**
 * Drops a space that is gone for this person (deleted, left, access ended), then asks the
 * server again: it alone knows what else changed (a counsellor whose access ended stays one).
 */
export function removeSpace(spaceId: string): void {
  if (!state.spaces?.some((s) => s.id === spaceId)) return;
  set({ ...state, spaces: state.spaces.filter((s) => s.id !== spaceId) });
  void refreshSpaces();
}

export function resetSpaces(): void {
  set({ spaces: null, error: null, counsels: false });
}

export function useSpaces(): SpacesState {
  const snapshot = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
  useEffect(() => {
    if (snapshot.spaces === null) void refreshSpaces();
  }, [snapshot.spaces]);
  return snapshot;
}
