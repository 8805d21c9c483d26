import { describe, expect, it } from 'vitest';
import {
  ACK_OVERDUE_MS,
  INITIAL_STATUS,
  SAVE_TEXT,
  closedMessage,
  combineStatuses,
  connectionStateOf,
  saveStateOf,
  type DocStatus,
} from './docStatus';

const flags = {
  connected: false,
  synced: false,
  everConnected: false,
  failedAttempts: 0,
  browserOnline: true,
  finalClose: false,
};

describe('connection state', () => {
  it('is connecting at first, live once synced, offline after losing the connection', () => {
    expect(connectionStateOf(flags)).toBe('connecting');
    expect(connectionStateOf({ ...flags, connected: true })).toBe('connecting');
    expect(connectionStateOf({ ...flags, connected: true, synced: true, everConnected: true })).toBe('live');
    expect(connectionStateOf({ ...flags, everConnected: true, failedAttempts: 1 })).toBe('offline');
    expect(connectionStateOf({ ...flags, failedAttempts: 3 })).toBe('offline');
  });

  it('is offline whenever the browser is, and closed after a final close', () => {
    expect(connectionStateOf({ ...flags, connected: true, synced: true, browserOnline: false })).toBe('offline');
    expect(connectionStateOf({ ...flags, connected: true, synced: true, finalClose: true })).toBe('closed');
  });
});

describe('combined status', () => {
  const live: DocStatus = { ...INITIAL_STATUS, state: 'live', loaded: true };

  it('shows the worst connection and "saved" only when every document is saved', () => {
    const combined = combineStatuses([live, { ...live, state: 'offline', saved: false }]);
    expect(combined.state).toBe('offline');
    expect(combined.saved).toBe(false);
    expect(combineStatuses([live, live]).saved).toBe(true);
  });

  it('carries a final close through, with a sentence a person understands', () => {
    const combined = combineStatuses([live, { ...live, state: 'closed', closed: { code: 4403, reason: 'revoked' } }]);
    expect(combined.closed?.code).toBe(4403);
    expect(closedMessage(4403)).toMatch(/access to this board has ended/);
  });
});

describe('save state', () => {
  const live: DocStatus = { ...INITIAL_STATUS, state: 'live', loaded: true };
  it('never says saved while edits wait, and says storage is not keeping up once an ack is over 3 s late', () => {
    expect(saveStateOf(live, false, 0)).toBe('saved');
    const waiting = { ...live, saved: false };
    expect(saveStateOf(waiting, false, 500)).toBe('saving');
    expect(saveStateOf(waiting, false, ACK_OVERDUE_MS + 1)).toBe('waiting-for-storage');
    expect(SAVE_TEXT['waiting-for-storage']).toBe('Not saved — waiting for storage');
    expect(saveStateOf({ ...waiting, state: 'offline' }, false, 60_000)).toBe('kept-on-device');
    expect(saveStateOf(waiting, true, 60_000)).toBe('view-only');
  });
});
