import mongoose from 'mongoose';
import * as Y from 'yjs';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { connectMongoose } from '../../server/src/platform/db/database';
import { freshDbName } from '../helpers/database';
import { startCollabHarness, type CollabHarness } from './collab-fixtures/collabHarness';
import { connectClient, waitFor, type TestClient } from './collab-fixtures/providers';
import { startTcpProxy } from './collab-fixtures/tcpProxy';
import { createMongoCollabStore } from '../../server/src/collab';

const collabStore = createMongoCollabStore();

const DOC = 'couple:e1e1e1e1e1e1e1e1e1e1e1e1';
const ALEX = 'a0000000000000000000000a';
let proxy: Awaited<ReturnType<typeof startTcpProxy>>;
let h: CollabHarness;
let alex: TestClient;

beforeAll(async () => {
  const base = new URL(inject('mongoBaseUri'));
  proxy = await startTcpProxy({ host: base.hostname, port: Number(base.port) });
  if (mongoose.connection.readyState !== 0) await mongoose.disconnect();
  await connectMongoose(`mongodb://127.0.0.1:${proxy.port}/${freshDbName('collabdbdown')}`);
  h = await startCollabHarness((_u, doc) => ({ mode: 'write', role: 'partner', spaceId: doc.spaceId }));
  alex = connectClient(h.wsBase, DOC, h.headersFor(ALEX));
  await waitFor('sync', () => alex.provider.synced);
});

afterAll(async () => {
  alex?.destroy();
  proxy?.up();
  await h?.stop();
  await mongoose.disconnect();
  await proxy?.close();
});

it('keeps edits in memory without acknowledging them while the database is down, then stores them all', { timeout: 120_000 }, async () => {
  alex.doc.getText('plan').insert(0, 'before;');
  await waitFor('first edit saved', () => alex.allSaved());

  proxy.down();
  alex.doc.getText('plan').insert(alex.doc.getText('plan').length, 'during outage;');
  await waitFor('the server to notice the database is gone', () => !h.collab.dbHealthy(), 60_000);
  expect(alex.allSaved()).toBe(false);

  proxy.up();
  await waitFor('the edit made during the outage to be saved', () => alex.allSaved(), 60_000);
  expect(h.collab.dbHealthy()).toBe(true);
  const stored = await collabStore.load(DOC);
  const copy = new Y.Doc();
  for (const u of stored.updates) Y.applyUpdate(copy, u);
  expect(copy.getText('plan').toString()).toBe('before;during outage;');
});

it('acknowledges edits a client made before reconnecting once the database stores them', { timeout: 120_000 }, async () => {
  proxy.down();
  alex.doc.getText('plan').insert(0, 'made before a reconnect;');
  await waitFor('the server to notice the database is gone', () => !h.collab.dbHealthy(), 60_000);
  // The edit waits in the server's memory; this connection goes and a new one comes, and its
  // sync step 2 has nothing new for the server.
  alex.provider.disconnect();
  alex.provider.connect();
  await waitFor('the reconnect', () => alex.provider.synced);
  expect(alex.allSaved()).toBe(false);

  proxy.up();
  await waitFor('the edit to be acknowledged on the new connection', () => alex.allSaved(), 60_000);
});
