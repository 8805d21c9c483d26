import * as Y from 'yjs';
import {
  addCheckin,
  createAppreciation,
  createCard,
  createExperience,
  getItemText,
  listCards,
  listCheckins,
  listExperiences,
} from '@hearth/shared/board';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeCouple, type Couple } from '../helpers/api';
import { startCollabTestServer, type CollabTestServer } from './collab-fixtures/appServer';
import { connectClient, waitFor, type TestClient } from './collab-fixtures/providers';

let server: CollabTestServer;
let couple: Couple;
const clients: TestClient[] = [];

function join(who: 'a' | 'b', docName: string): TestClient {
  const client = connectClient(server.wsBase, docName, { cookie: couple[who].cookie, origin: server.baseUrl });
  clients.push(client);
  return client;
}

function sorted(record: Record<string, unknown>): string {
  return JSON.stringify(Object.entries(record).sort(([x], [y]) => x.localeCompare(y)));
}

const items = (doc: Y.Doc) => doc.getMap('items').toJSON();

beforeAll(async () => {
  server = await startCollabTestServer();
  couple = await makeCouple(server.baseUrl);
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.stop();
});

it('two partners converge on concurrent text and item edits; a late device gets it all', async () => {
  const doc = `space:${couple.space.id}`;
  const alex = join('a', doc);
  const sam = join('b', doc);
  await waitFor('both to sync', () => alex.provider.synced && sam.provider.synced);
  const partnerIds = [couple.a.user!.id, couple.b.user!.id];
  const A = { userId: partnerIds[0]!, partnerIds };
  const S = { userId: partnerIds[1]!, partnerIds };
  const planId = createExperience(alex.doc, A, { title: 'Weekend' });
  await waitFor('the plan to reach Sam', () => listExperiences(sam.doc).length === 1);

  // Concurrent: each edits before seeing the other's change.
  getItemText(alex.doc, planId, 'notes')!.insert(0, 'Dinner on Friday. ');
  getItemText(sam.doc, planId, 'notes')!.insert(0, 'Walk on Sunday. ');
  createCard(alex.doc, A, { cardType: 'need', statement: 'more quiet evenings' });
  createCard(sam.doc, S, { cardType: 'need', statement: 'a weekly check-in' });

  const notes = (d: Y.Doc) => getItemText(d, planId, 'notes')!.toString();
  const statements = (d: Y.Doc) =>
    listCards(d)
      .map((c) => c.statement)
      .sort();
  await waitFor(
    'convergence',
    () => notes(alex.doc) === notes(sam.doc) && statements(alex.doc).length === 2 && sorted(items(alex.doc)) === sorted(items(sam.doc)),
  );
  expect(notes(alex.doc)).toContain('Dinner on Friday.');
  expect(notes(alex.doc)).toContain('Walk on Sunday.');
  expect(statements(alex.doc)).toEqual(['a weekly check-in', 'more quiet evenings']);
  await waitFor('both to be told their edits are saved', () => alex.allSaved() && sam.allSaved());

  const laptop = join('a', doc);
  await waitFor('the late device to sync', () => laptop.provider.synced);
  expect(notes(laptop.doc)).toBe(notes(alex.doc));
  expect(items(laptop.doc)).toEqual(items(alex.doc));
});

it('keeps every saved edit across a server restart', async () => {
  const doc = `couple:${couple.space.id}`;
  const alex = join('a', doc);
  await waitFor('sync', () => alex.provider.synced);
  const partnerIds = [couple.a.user!.id, couple.b.user!.id];
  for (let i = 0; i < 50; i++)
    addCheckin(
      alex.doc,
      { userId: partnerIds[0]!, partnerIds },
      { date: `2026-01-${String(1 + (i % 28)).padStart(2, '0')}`, mood: 1 + (i % 5), feelings: [], need: `need ${i}` },
    );
  await waitFor('saved', () => alex.allSaved());
  const written = items(alex.doc);
  alex.destroy();

  await server.stop();
  server = await startCollabTestServer({ dbName: server.dbName, dataDir: server.dataDir });
  const again = join('b', doc);
  await waitFor('sync after restart', () => again.provider.synced);
  expect(items(again.doc)).toEqual(written);
  expect(listCheckins(again.doc, {})).toHaveLength(28);
});

it('each partner has a private document of their own', async () => {
  const mine = join('a', `private:${couple.space.id}:${couple.a.user!.id}`);
  await waitFor('sync', () => mine.provider.synced);
  createAppreciation(
    mine.doc,
    { userId: couple.a.user!.id, partnerIds: [couple.a.user!.id, couple.b.user!.id] },
    { toId: couple.b.user!.id, text: 'only me' },
  );
  await waitFor('saved', () => mine.allSaved());
});
