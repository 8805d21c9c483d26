import mongoose from 'mongoose';
import * as Y from 'yjs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CloseCode } from '@hearth/shared/realtime';
import { listSegments } from '../../server/src/collab/journal';
import { connectTestDb, freshDbName } from '../helpers/database';
import { startCollabHarness, type CollabHarness } from './collab-fixtures/collabHarness';
import { connectClient, waitFor, type TestClient } from './collab-fixtures/providers';
import { startRedis } from './collab-fixtures/redisServer';

const SPACE = 'd1d1d1d1d1d1d1d1d1d1d1d1';
const DOC = `space:${SPACE}`;
const ALEX = 'a0000000000000000000000a';
const SAM = 'b0000000000000000000000b';

const revoked = new Set<string>();
let redis: Awaited<ReturnType<typeof startRedis>>;
let nodes: CollabHarness[] = [];
const clients: TestClient[] = [];

beforeAll(async () => {
  await connectTestDb(freshDbName('collabredis'));
  redis = await startRedis();
  const grant = (user: { id: string }) =>
    revoked.has(user.id) ? null : { mode: 'write' as const, role: 'partner' as const, spaceId: SPACE };
  nodes = [await startCollabHarness(grant, { redisUrl: redis.url }), await startCollabHarness(grant, { redisUrl: redis.url })];
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  for (const n of nodes) await n.stop();
  await redis?.stop();
});

async function journalRows(doc: string): Promise<Uint8Array[]> {
  const rows = [];
  for (const segment of await listSegments()) {
    for (const row of await mongoose.connection.collection(segment).find({ doc }).toArray()) rows.push(new Uint8Array(row.data.buffer));
  }
  return rows;
}

it('partners on different nodes converge, see each other, and every update is stored once', async () => {
  const alex = connectClient(nodes[0]!.wsBase, DOC, nodes[0]!.headersFor(ALEX));
  const sam = connectClient(nodes[1]!.wsBase, DOC, nodes[1]!.headersFor(SAM));
  clients.push(alex, sam);
  await waitFor('sync', () => alex.provider.synced && sam.provider.synced);

  const EDITS = 20;
  for (let i = 0; i < EDITS; i++) {
    alex.doc.getArray<string>('cards').push([`alex-${i}`]);
    sam.doc.getMap<number>('votes').set(`sam-${i}`, i);
  }
  await waitFor('convergence across nodes', () => alex.doc.getMap('votes').size === EDITS && sam.doc.getArray('cards').length === EDITS);
  await waitFor('both saved', () => alex.allSaved() && sam.allSaved());
  expect(sam.doc.getArray('cards').toArray()).toEqual(alex.doc.getArray('cards').toArray());

  const rows = await journalRows(DOC);
  expect(rows).toHaveLength(2 * EDITS);
  const stored = new Y.Doc();
  for (const row of rows) Y.applyUpdate(stored, row);
  expect(stored.getArray('cards').length).toBe(EDITS);
  expect(stored.getMap('votes').size).toBe(EDITS);

  alex.provider.awareness.setLocalStateField('section', 'promises');
  await waitFor("Sam to see Alex's presence through the other node", () => {
    const state = sam.provider.awareness.getStates().get(alex.doc.clientID);
    return state?.section === 'promises' && state.user?.id === ALEX;
  });

  const late = connectClient(nodes[1]!.wsBase, DOC, nodes[1]!.headersFor(ALEX));
  clients.push(late);
  await waitFor('a late client on the other node', () => late.provider.synced && late.doc.getArray('cards').length === EDITS);
});

it('a member removed through one node is disconnected from every node', async () => {
  const sam = connectClient(nodes[1]!.wsBase, DOC, nodes[1]!.headersFor(SAM));
  clients.push(sam);
  await waitFor('sync', () => sam.provider.synced);
  revoked.add(SAM);
  nodes[0]!.events.emit('access:changed', { spaceId: SPACE, userId: SAM });
  await waitFor('Sam to be disconnected on the other node', () => sam.closes.includes(CloseCode.accessRevoked));
});
