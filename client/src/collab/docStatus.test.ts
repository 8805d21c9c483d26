import { describe, expect, it } from 'vitest';
import { INITIAL_STATUS, closedMessage, combineStatuses, connectionStateOf, type DocStatus } from './docStatus';

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
