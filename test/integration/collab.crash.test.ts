import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { createExperience, getItemText, listExperiences, type BoardActor } from '@hearth/shared/board';
import { afterAll, expect, it } from 'vitest';
import { makeCouple } from '../helpers/api';
import { freePort } from '../helpers/server';
import { startChildServer, type ChildServer } from './collab-fixtures/childServer';
import { connectClient, waitFor, type TestClient } from './collab-fixtures/providers';

const ROUNDS = 3;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hearth-crash-'));
let server: ChildServer | null = null;
const clients: TestClient[] = [];

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/**
 * A partner typing continuously into the notes of their own plans (a new plan when one is
 * nearly full): each marker remembers the clock it needs to count as saved.
 */
function typist(client: TestClient, actor: BoardActor, label: string) {
  const items: { id: string; clock: number }[] = [];
  let n = 0;
  // Plans made up front are stored long before any crash: a partner's relayed copy of a plan
  // creation the crash lost is left to its author's own resend (docs/realtime.md); typing into
  // an existing plan is accepted from either partner.
  const plans = Array.from({ length: 12 }, (_, i) => createExperience(client.doc, actor, { title: `${label}'s notes ${i}` }));
  let planId = plans.shift()!;
  const timer = setInterval(() => {
    const id = `${label}-${n++};`;
    let notes = getItemText(client.doc, planId, 'notes')!;
    if (notes.length > 8000) {
      planId = plans.shift() ?? createExperience(client.doc, actor, { title: `${label}'s notes ${n}` });
      notes = getItemText(client.doc, planId, 'notes')!;
    }
    notes.insert(notes.length, id);
    items.push({ id, clock: Y.getState(client.doc.store, client.doc.clientID) });
  }, 5);
  return {
    acknowledged: () => items.filter((i) => (client.stored.get(client.doc.clientID) ?? 0) >= i.clock).map((i) => i.id),
    stop: () => clearInterval(timer),
  };
}

/** Every marker typed into any plan's notes. */
function typed(doc: Y.Doc): string[] {
  return listExperiences(doc).flatMap((e) =>
    e.notes
      .split(';')
      .filter(Boolean)
      .map((m) => `${m};`),
  );
}

it('keeps every acknowledged update through repeated kill -9 of server and database', { timeout: 180_000 }, async () => {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const env = {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    PUBLIC_ORIGIN: origin,
    SESSION_SECRET: 'crash-test-secret-0123456789-0123456789',
  };
  server = await startChildServer(env);
  const couple = await makeCouple(origin);
  const docName = `space:${couple.space.id}`;
  const serverUrl = `ws://127.0.0.1:${port}/yjs`;
  const alex = connectClient(serverUrl, docName, { cookie: couple.a.cookie, origin }, { maxBackoffTime: 200 });
  const sam = connectClient(serverUrl, docName, { cookie: couple.b.cookie, origin }, { maxBackoffTime: 200 });
  clients.push(alex, sam);
  await waitFor('sync', () => alex.provider.synced && sam.provider.synced);
  const partnerIds = [couple.a.user!.id, couple.b.user!.id];
  const typists = [
    typist(alex, { userId: partnerIds[0]!, partnerIds }, 'alex'),
    typist(sam, { userId: partnerIds[1]!, partnerIds }, 'sam'),
  ];
  const acknowledged = new Set<string>();

  for (let round = 0; round < ROUNDS; round++) {
    const before = acknowledged.size;
    await waitFor('more acknowledged edits', () => typists.reduce((n, t) => n + t.acknowledged().length, 0) >= before + 40, 60_000);
    await server.crash();
    for (const t of typists) for (const id of t.acknowledged()) acknowledged.add(id);
    server = await startChildServer(env);
    await waitFor('reconnect', () => alex.provider.synced && sam.provider.synced, 60_000);
  }
  for (const t of typists) t.stop();
  await waitFor('everything saved', () => alex.allSaved() && sam.allSaved(), 60_000);
  await server.crash();
  for (const t of typists) for (const id of t.acknowledged()) acknowledged.add(id);
  server = await startChildServer(env);

  const fresh = connectClient(serverUrl, docName, { cookie: couple.a.cookie, origin });
  clients.push(fresh);
  await waitFor('fresh sync', () => fresh.provider.synced, 60_000);
  const stored = new Set(typed(fresh.doc));
  const lost = [...acknowledged].filter((id) => !stored.has(id));
  expect(lost).toEqual([]);
  expect(acknowledged.size).toBeGreaterThan(ROUNDS * 40);
  await waitFor('partners to converge', () => JSON.stringify(typed(alex.doc).sort()) === JSON.stringify(typed(sam.doc).sort()), 60_000);
  expect(typed(alex.doc).sort()).toEqual(typed(fresh.doc).sort());
});
