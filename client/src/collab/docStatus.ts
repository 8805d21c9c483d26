/** Where one document's connection stands, as the person should see it. */
export type ConnectionState = 'connecting' | 'live' | 'offline' | 'closed';

export interface DocStatus {
  state: ConnectionState;
  /** This device's edits are covered by the server's last `messageSaved`. */
  saved: boolean;
  /** The server answered `permission-denied: read-only`: edits are not accepted. */
  readOnly: boolean;
  /** The board has content to show: synced with the server or loaded from this device. */
  loaded: boolean;
  /** A final close (4400–4499): the reason to show; the connection is not retried. */
  closed: { code: number; reason: string } | null;
  /** The server refused an edit for another reason (e.g. `document-too-large`). */
  refused: string | null;
}

export const INITIAL_STATUS: DocStatus = {
  state: 'connecting',
  saved: true,
  readOnly: false,
  loaded: false,
  closed: null,
  refused: null,
};

const ORDER: Record<ConnectionState, number> = { live: 0, connecting: 1, offline: 2, closed: 3 };

/** One status for a space shown in one place: the worst connection, saved only if all are. */
export function combineStatuses(statuses: readonly DocStatus[]): DocStatus {
  if (statuses.length === 0) return INITIAL_STATUS;
  let state: ConnectionState = 'live';
  for (const status of statuses) if (ORDER[status.state] > ORDER[state]) state = status.state;
  return {
    state,
    saved: statuses.every((s) => s.saved),
    readOnly: statuses.every((s) => s.readOnly),
    loaded: statuses.every((s) => s.loaded),
    closed: statuses.find((s) => s.closed)?.closed ?? null,
    refused: statuses.find((s) => s.refused)?.refused ?? null,
  };
}

/**
 * The provider's raw flags mapped onto what a person cares about: before the first
 * connection it is "connecting"; after losing one, retrying is "offline" until it is back.
 */
export function connectionStateOf(flags: {
  connected: boolean;
  synced: boolean;
  everConnected: boolean;
  failedAttempts: number;
  browserOnline: boolean;
  finalClose: boolean;
}): ConnectionState {
  if (flags.finalClose) return 'closed';
  if (!flags.browserOnline) return 'offline';
  if (flags.connected && flags.synced) return 'live';
  if (flags.connected) return 'connecting';
  return flags.everConnected || flags.failedAttempts > 1 ? 'offline' : 'connecting';
}

/** The sentence shown when the server closed a document for good. */
export function closedMessage(code: number): string {
  switch (code) {
    case 4401:
      return 'Your session has ended. Please log in again.';
    case 4403:
      return 'Your access to this board has ended, so it is no longer updated here.';
    case 4413:
      return 'This board has reached its size limit. Archive or delete some items, then reload.';
    default:
      return 'The server refused this board. Reload the page; if it keeps happening, contact support.';
  }
}

/** An acknowledgement later than this means storage is not keeping up (or is down). */
export const ACK_OVERDUE_MS = 3000;

export type SaveState = 'view-only' | 'saved' | 'saving' | 'waiting-for-storage' | 'kept-on-device';

/**
 * What to say about this device's edits. "All changes saved" only when the server's saved
 * acknowledgement covers them; once one is more than 3 s overdue while connected, the
 * person is told plainly that nothing is being saved right now.
 */
export function saveStateOf(status: DocStatus, readOnly: boolean, unsavedForMs: number): SaveState {
  if (readOnly) return 'view-only';
  if (status.saved) return 'saved';
  if (status.state === 'offline' || status.state === 'closed') return 'kept-on-device';
  return unsavedForMs > ACK_OVERDUE_MS ? 'waiting-for-storage' : 'saving';
}

export const SAVE_TEXT: Record<SaveState, string> = {
  'view-only': 'View only',
  saved: 'All changes saved',
  saving: 'Saving…',
  'waiting-for-storage': 'Not saved — waiting for storage',
  'kept-on-device': 'Changes kept on this device until you reconnect',
};
