import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MessageType } from '@hearth/shared/realtime';
import { connectTestDb, freshDbName } from '../helpers/database';
import { startCollabHarness, type CollabHarness } from './collab-fixtures/collabHarness';
import { openRaw } from './collab-fixtures/rawSocket';
import { connectClient, waitFor, type TestClient } from './collab-fixtures/providers';

const SPACE = 'c1c1c1c1c1c1c1c1c1c1c1c1';
const DOC = `space:${SPACE}`;
const ALEX = 'a0000000000000000000000a';
const SAM = 'b0000000000000000000000b';
const MALLORY = 'e0000000000000000000000e';
const COUNSELLOR = 'c0000000000000000000000c';

let h: CollabHarness;
let alex: TestClient;
let sam: TestClient;

function awarenessFrame(entries: { clientId: number; clock: number; state: unknown }[]): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(inner, e.clientId);
    encoding.writeVarUint(inner, e.clock);
    encoding.writeVarString(inner, JSON.stringify(e.state));
  }
  const outer = encoding.createEncoder();
  encoding.writeVarUint(outer, MessageType.awareness);
  encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
  return encoding.toUint8Array(outer);
}

function stateSeenByAlex(clientId: number): Record<string, any> | undefined {
  return alex.provider.awareness.getStates().get(clientId);
}

beforeAll(async () => {
  await connectTestDb(freshDbName('collabawareness'));
  h = await startCollabHarness((user, doc) =>
    user.id === COUNSELLOR
      ? { mode: 'read', role: 'counsellor', spaceId: doc.spaceId }
      : { mode: 'write', role: 'partner', spaceId: doc.spaceId },
  );
  alex = connectClient(h.wsBase, DOC, h.headersFor(ALEX));
  sam = connectClient(h.wsBase, DOC, h.headersFor(SAM));
  await waitFor('sync', () => alex.provider.synced && sam.provider.synced);
});

afterAll(async () => {
  alex?.destroy();
  sam?.destroy();
  await h?.stop();
});

it('stamps the session identity over whatever user a client claims', async () => {
  sam.provider.awareness.setLocalState({ user: { id: ALEX, name: 'Alex', role: 'counsellor' }, section: 'promises' });
  await waitFor('Alex to see Sam', () => stateSeenByAlex(sam.doc.clientID)?.section === 'promises');
  expect(stateSeenByAlex(sam.doc.clientID)!.user).toEqual({ id: SAM, name: expect.any(String), role: 'partner' });
});

it("ignores states sent for another connection's client id, and for a second client id", async () => {
  const mallory = await openRaw(`${h.wsBase}/${DOC}`, h.headersFor(MALLORY));
  try {
    mallory.ws.send(awarenessFrame([{ clientId: sam.doc.clientID, clock: 10_000, state: { section: 'hijacked' } }]));
    mallory.ws.send(awarenessFrame([{ clientId: 424242, clock: 1, state: { section: 'mine' } }]));
    mallory.ws.send(awarenessFrame([{ clientId: 515151, clock: 1, state: { section: 'a second identity' } }]));
    mallory.ws.send(awarenessFrame([{ clientId: 424242, clock: 2, state: { section: 'still mine', pad: 'x'.repeat(9000) } }]));
    mallory.ws.send(awarenessFrame([{ clientId: 424242, clock: 3, state: { section: 'last' } }]));
    await waitFor("Mallory's own state", () => stateSeenByAlex(424242)?.section === 'last');
    expect(stateSeenByAlex(424242)!.user).toEqual({ id: MALLORY, name: expect.any(String), role: 'partner' });
    expect(stateSeenByAlex(sam.doc.clientID)!.section).toBe('promises');
    expect(stateSeenByAlex(515151)).toBeUndefined();
  } finally {
    mallory.ws.close();
  }
  await waitFor("Mallory's state to go when she leaves", () => stateSeenByAlex(424242) === undefined);
});

it('shows a read-only connection as an observer', async () => {
  const counsellor = connectClient(h.wsBase, DOC, h.headersFor(COUNSELLOR));
  try {
    counsellor.provider.awareness.setLocalState({ user: { id: COUNSELLOR, role: 'partner' }, section: 'needs' });
    await waitFor('Alex to see the counsellor', () => stateSeenByAlex(counsellor.doc.clientID)?.section === 'needs');
    expect(stateSeenByAlex(counsellor.doc.clientID)!.user.role).toBe('observer');
  } finally {
    counsellor.destroy();
  }
});
