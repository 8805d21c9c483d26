import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createExperience, getItemText, listExperiences, type BoardActor } from '@hearth/shared/board';
import { makeCouple } from '../helpers/api';
import { freePort } from '../helpers/server';
import { startChildServer, type ChildServer } from './collab-fixtures/childServer';
import { connectClient, waitFor, type TestClient } from './collab-fixtures/providers';

const TRIALS = 3;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hearth-acks-'));
let server: ChildServer | null = null;
const clients: TestClient[] = [];

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

// The server relays both partners' edits, then dies before storing them. Each partner resends
// everything on reconnect; whichever copy arrives second is "nothing new" for the server, and
// that partner must still receive a saved message covering its edits once they are stored.
// (Both type into a plan either partner may edit: a partner's relayed copy of edits only its
// author may make cannot be told from a forgery and is refused; see docs/realtime.md.)
it('acknowledges both partners after a crash that lost edits it had relayed', { timeout: 240_000 }, async () => {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const env = {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    PUBLIC_ORIGIN: origin,
    SESSION_SECRET: 'acks-test-secret-0123456789-0123456789',
  };
  server = await startChildServer(env);
  const couple = await makeCouple(origin);
  const partnerIds = [couple.a.user!.id, couple.b.user!.id];
  const alexActor: BoardActor = { userId: partnerIds[0]!, partnerIds };
  const docName = `couple:${couple.space.id}`;
  const serverUrl = `ws://127.0.0.1:${port}/yjs`;
  const alex = connectClient(serverUrl, docName, { cookie: couple.a.cookie, origin }, { maxBackoffTime: 200 });
  const sam = connectClient(serverUrl, docName, { cookie: couple.b.cookie, origin }, { maxBackoffTime: 200 });
  clients.push(alex, sam);
  await waitFor('sync', () => alex.provider.synced && sam.provider.synced);

  // A plan both partners may edit, stored before the faults begin.
  const planId = createExperience(alex.doc, alexActor, { title: 'Weekend' });
  await waitFor('the plan to be saved and shared', () => alex.allSaved() && listExperiences(sam.doc).length === 1);
  const notes = (client: TestClient) => getItemText(client.doc, planId, 'notes')!;

  for (let trial = 0; trial < TRIALS; trial++) {
    // Freeze the database: the server relays edits but cannot store them.
    process.kill(server.databasePid, 'SIGSTOP');
    notes(alex).insert(notes(alex).length, `alex ${trial};`);
    notes(sam).insert(0, `sam ${trial};`);
    await waitFor(
      "each partner to see the other's edit",
      () => notes(alex).toString().includes(`sam ${trial};`) && notes(sam).toString().includes(`alex ${trial};`),
    );
    expect(alex.allSaved() || sam.allSaved()).toBe(false);

    await server.crash();
    server = await startChildServer(env);
    await waitFor(`trial ${trial}: both partners told their edits are saved`, () => alex.allSaved() && sam.allSaved(), 60_000);
  }

  const fresh = connectClient(serverUrl, docName, { cookie: couple.a.cookie, origin });
  clients.push(fresh);
  await waitFor('fresh sync', () => fresh.provider.synced, 60_000);
  for (let trial = 0; trial < TRIALS; trial++) {
    expect(notes(fresh).toString()).toContain(`alex ${trial};`);
    expect(notes(fresh).toString()).toContain(`sam ${trial};`);
  }
  expect(notes(fresh).toString()).toBe(notes(alex).toString());
});
