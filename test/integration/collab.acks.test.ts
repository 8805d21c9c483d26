import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createCard, createExperience, getItemText, listCards, listExperiences, type BoardActor } from '@hearth/shared/board';
import { makeCouple } from '../helpers/api';
import { freePort } from '../helpers/server';
import { startChildServer, type ChildServer } from './collab-fixtures/childServer';
import { connectClient, waitFor, type TestClient } from './collab-fixtures/providers';

const TRIALS = 3;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hearth-acks-'));
const resendDir = mkdtempSync(path.join(os.tmpdir(), 'hearth-acks-'));
let server: ChildServer | null = null;
let resendServer: ChildServer | null = null;
const clients: TestClient[] = [];

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.stop();
  await resendServer?.stop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(resendDir, { recursive: true, force: true });
});

// The server relays both partners' edits, then dies before storing them. Each partner resends
// everything on reconnect; whichever copy arrives second is "nothing new" for the server, and
// that partner must still receive a saved message covering its edits once they are stored.
// (Both type into a plan either partner may edit; edits only their author may make are the
// next test.)
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

// Edits only their author may make (a new card, its words): Sam's resend carries Alex's lost
// card, which the server cannot tell from a forgery. It applies Sam's own part and drops
// Alex's, which Alex resends. Nobody is refused; nothing is lost.
it("keeps each partner's author-only edits when the other partner resends them first", { timeout: 180_000 }, async () => {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const env = {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: resendDir,
    PUBLIC_ORIGIN: origin,
    SESSION_SECRET: 'acks-test-secret-0123456789-0123456789',
  };
  resendServer = await startChildServer(env);
  const couple = await makeCouple(origin);
  const partnerIds = [couple.a.user!.id, couple.b.user!.id];
  const A: BoardActor = { userId: partnerIds[0]!, partnerIds };
  const S: BoardActor = { userId: partnerIds[1]!, partnerIds };
  const docName = `couple:${couple.space.id}`;
  const serverUrl = `ws://127.0.0.1:${port}/yjs`;
  const alex = connectClient(serverUrl, docName, { cookie: couple.a.cookie, origin }, { maxBackoffTime: 200 });
  const sam = connectClient(serverUrl, docName, { cookie: couple.b.cookie, origin }, { maxBackoffTime: 200 });
  clients.push(alex, sam);
  await waitFor('sync', () => alex.provider.synced && sam.provider.synced);
  createExperience(alex.doc, A, { title: 'Stored before the crash' });
  await waitFor('the plan to be saved', () => alex.allSaved());

  process.kill(resendServer.databasePid, 'SIGSTOP');
  const alexCard = createCard(alex.doc, A, { cardType: 'need', statement: 'Quiet evenings' });
  await waitFor("Alex's card to reach Sam", () => listCards(sam.doc).some((c) => c.id === alexCard));
  const samCard = createCard(sam.doc, S, { cardType: 'boundary', statement: 'No phones in bed' });
  await waitFor("Sam's card to reach Alex", () => listCards(alex.doc).length === 2);
  expect(alex.allSaved() || sam.allSaved()).toBe(false);

  // Alex's device stays offline for a while, so Sam's resend (with Alex's card in it) comes first.
  alex.provider.disconnect();
  await resendServer.crash();
  resendServer = await startChildServer(env);
  await waitFor("Sam's own card to be saved", () => sam.allSaved(), 60_000);
  expect(sam.permissionDenied).toEqual([]);
  alex.provider.connect();
  await waitFor('both partners told their edits are saved', () => alex.allSaved() && sam.allSaved(), 60_000);
  expect(alex.permissionDenied).toEqual([]);
  expect(sam.permissionDenied).toEqual([]);

  const fresh = connectClient(serverUrl, docName, { cookie: couple.b.cookie, origin });
  clients.push(fresh);
  await waitFor('fresh sync', () => fresh.provider.synced, 60_000);
  const cards = new Map(listCards(fresh.doc).map((c) => [c.id, c]));
  expect(cards.get(alexCard)?.statement).toBe('Quiet evenings');
  expect(cards.get(alexCard)?.authorId).toBe(A.userId);
  expect(cards.get(samCard)?.statement).toBe('No phones in bed');
});
