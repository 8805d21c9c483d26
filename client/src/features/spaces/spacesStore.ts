import { useEffect, useSyncExternalStore } from 'react';
import type { SpaceDto } from '@hearth/shared/api';
import { api } from '../../lib/api';
import { ApiError } from '../../lib/http';

interface SpacesState {
  spaces: SpaceDto[] | null;
  error: string | null;
}

// The member's spaces, shared by the header switcher and the spaces page.
let state: SpacesState = { spaces: null, error: null };
const listeners = new Set<() => void>();

function set(next: SpacesState) {
  state = next;
  for (const listener of listeners) listener();
}

export async function refreshSpaces(): Promise<void> {
  try {
    const { spaces } = await api.listSpaces();
    set({ spaces, error: null });
  } catch (error) {
    set({ spaces: state.spaces, error: error instanceof ApiError ? error.message : 'Could not load your spaces.' });
  }
}

/** Puts a space the client just learned about (created, accepted, reloaded) into the list. */
export function upsertSpace(space: SpaceDto): void {
  const others = (state.spaces ?? []).filter((s) => s.id !== space.id);
  set({ spaces: [...others, space], error: state.error });
}

/** Drops a space that is gone for this person (deleted, left, access ended). */
export function removeSpace(spaceId: string): void {
  if (!state.spaces?.some((s) => s.id === spaceId)) return;
  set({ spaces: state.spaces.filter((s) => s.id !== spaceId), error: state.error });
}

export function resetSpaces(): void {
  set({ spaces: null, error: null });
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
