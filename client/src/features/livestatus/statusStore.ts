import { useEffect, useSyncExternalStore } from 'react';
import type { SpaceStatus } from '@hearth/shared/socket';
import { getSocket, type HearthSocket } from '../../lib/socket';
import { removeSpace, upsertSpace } from '../spaces/spacesStore';

/**
 * The live status of every space this tab shows (the open space, and each space in the
 * switcher), pushed by the server (`space:status`). A status says what the person may see
 * now; an ended one says why they no longer can. `unavailable` means the server would not
 * tell us anything about this id (never ours, or gone while we were away).
 */
export type LiveStatus = SpaceStatus | { spaceId: string; state: 'unavailable'; message: string | null };

export interface LiveNotice {
  id: number;
  spaceId: string;
  spaceName: string;
  text: string;
  /** An ended status: the space page shows it itself, other pages show it as a notice. */
  ended: boolean;
}

const statuses = new Map<string, LiveStatus>();
const watchers = new Map<string, number>();
let notices: LiveNotice[] = [];
let nextNotice = 1;
/** Statuses the server pushed (changes), as opposed to answers to our own watch requests. */
let pushes = 0;
const listeners = new Set<() => void>();
// Logging out replaces the tab's socket; listeners go on the one in use.
let attachedTo: HearthSocket | null = null;
const names = new Map<string, string>();

// After a reload the server says only "not found"; the reason it gave live is kept for this tab.
const ENDED_KEY = (spaceId: string) => `hearth:ended:${spaceId}`;

function changed(): void {
  for (const listener of listeners) listener();
}

function note(spaceId: string, text: string, ended: boolean): void {
  notices = [...notices, { id: nextNotice++, spaceId, spaceName: names.get(spaceId) ?? 'A space', text, ended }].slice(-6);
}

export function applyStatus(status: SpaceStatus, fromPush: boolean): void {
  if (!watchers.has(status.spaceId)) return;
  if (fromPush) pushes += 1;
  if (status.state === 'open') {
    names.set(status.spaceId, status.space.name);
    upsertSpace(status.space);
    if (fromPush) for (const text of status.notices) note(status.spaceId, text, false);
  } else {
    try {
      sessionStorage.setItem(ENDED_KEY(status.spaceId), status.message);
    } catch {
      // Storage can be unavailable (private mode); the live message still shows.
    }
    removeSpace(status.spaceId);
    if (statuses.get(status.spaceId)?.state !== 'ended') {
      // What happened in it before no longer matters; only why it ended does.
      notices = notices.filter((n) => n.spaceId !== status.spaceId);
      note(status.spaceId, status.message, true);
    }
  }
  statuses.set(status.spaceId, status);
  changed();
}

function endedMessage(spaceId: string): string | null {
  try {
    return sessionStorage.getItem(ENDED_KEY(spaceId));
  } catch {
    return null;
  }
}

function sendWatch(spaceId: string): void {
  getSocket().emit('status:watch', { spaceId }, (res) => {
    if (res.ok) return applyStatus(res.status, false);
    // An ended status already explains this id; keep it rather than a bare "not found".
    if (statuses.get(spaceId)?.state === 'ended' || res.error.code !== 'not_found' || !watchers.has(spaceId)) return;
    statuses.set(spaceId, { spaceId, state: 'unavailable', message: endedMessage(spaceId) });
    removeSpace(spaceId);
    changed();
  });
}

function attach(): void {
  const socket = getSocket();
  if (attachedTo === socket) return;
  attachedTo = socket;
  socket.on('space:status', (status) => applyStatus(status, true));
  // A new connection has joined no rooms: ask again for everything on screen.
  socket.on('connect', () => {
    for (const spaceId of watchers.keys()) sendWatch(spaceId);
  });
}

/** Starts following a space's status; the returned function stops (counted per caller). */
export function watchSpace(spaceId: string): () => void {
  attach();
  const count = watchers.get(spaceId) ?? 0;
  watchers.set(spaceId, count + 1);
  if (count === 0) sendWatch(spaceId);
  return () => {
    const current = watchers.get(spaceId);
    // Reset meanwhile (logged out): nothing to undo, and no socket to open for it.
    if (current === undefined) return;
    const left = current - 1;
    if (left > 0) return void watchers.set(spaceId, left);
    watchers.delete(spaceId);
    if (statuses.get(spaceId)?.state === 'open') statuses.delete(spaceId);
    getSocket().emit('status:unwatch', { spaceId });
  };
}

/**
 * Asks the server again for a watched space's status (after a board connection closed for
 * good, or the tab regained focus). Over the socket, a space that is gone answers "not
 * found" quietly instead of an HTTP 404. False when the space is not watched.
 */
export function recheckSpace(spaceId: string): boolean {
  if (!watchers.has(spaceId) || !getSocket().connected) return false;
  sendWatch(spaceId);
  return true;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The live status of one space, watched while the calling component is shown. */
export function useSpaceStatus(spaceId: string | null): LiveStatus | null {
  useEffect(() => (spaceId ? watchSpace(spaceId) : undefined), [spaceId]);
  return useSyncExternalStore(subscribe, () => (spaceId ? (statuses.get(spaceId) ?? null) : null));
}

/** Follows several spaces at once (the switcher: a space deleted elsewhere leaves the list). */
export function useWatchSpaces(spaceIds: readonly string[]): void {
  const key = [...spaceIds].sort().join(',');
  useEffect(() => {
    if (!key) return undefined;
    const stops = key.split(',').map((id) => watchSpace(id));
    return () => stops.forEach((stop) => stop());
  }, [key]);
}

/** Increases with every change the server pushes: lists built from other endpoints refetch on it. */
export function useStatusVersion(): number {
  return useSyncExternalStore(subscribe, () => pushes);
}

export function useLiveNotices(): LiveNotice[] {
  return useSyncExternalStore(subscribe, () => notices);
}

export function dismissNotice(id: number): void {
  notices = notices.filter((n) => n.id !== id);
  changed();
}

/** Forgets everything about the previous person's spaces (on log-out). */
export function resetLiveStatus(): void {
  statuses.clear();
  watchers.clear();
  notices = [];
  try {
    for (const key of Object.keys(sessionStorage)) if (key.startsWith('hearth:ended:')) sessionStorage.removeItem(key);
  } catch {
    // Nothing stored.
  }
  changed();
}
