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

beforeAll(async () => {
  server = await startCollabTestServer();
  couple = await makeCouple(server.baseUrl);
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.stop();
});

it('two partners converge on concurrent text and map edits; a late device gets it all', async () => {
  const doc = `space:${couple.space.id}`;
  const alex = join('a', doc);
  const sam = join('b', doc);
  await waitFor('both to sync', () => alex.provider.synced && sam.provider.synced);

  // Concurrent: each edits before seeing the other's change.
  alex.doc.getText('plan').insert(0, 'Dinner on Friday. ');
  sam.doc.getText('plan').insert(0, 'Walk on Sunday. ');
  alex.doc.getMap('cards').set('need-1', 'more quiet evenings');
  sam.doc.getMap('cards').set('need-2', 'a weekly check-in');
  sam.doc.getMap('cards').set('need-1', 'quiet evenings, together');

  const same = () =>
    alex.doc.getText('plan').toString() === sam.doc.getText('plan').toString() &&
    sorted(alex.doc.getMap('cards').toJSON()) === sorted(sam.doc.getMap('cards').toJSON()) &&
    alex.doc.getMap('cards').size === 2;
  await waitFor('convergence', same);
  expect(alex.doc.getText('plan').toString()).toContain('Dinner on Friday.');
  expect(alex.doc.getText('plan').toString()).toContain('Walk on Sunday.');
  expect(Object.keys(alex.doc.getMap('cards').toJSON()).sort()).toEqual(['need-1', 'need-2']);
  await waitFor('both to be told their edits are saved', () => alex.allSaved() && sam.allSaved());

  const laptop = join('a', doc);
  await waitFor('the late device to sync', () => laptop.provider.synced);
  expect(laptop.doc.getText('plan').toString()).toBe(alex.doc.getText('plan').toString());
  expect(laptop.doc.getMap('cards').toJSON()).toEqual(alex.doc.getMap('cards').toJSON());
});

it('keeps every saved edit across a server restart', async () => {
  const doc = `couple:${couple.space.id}`;
  const alex = join('a', doc);
  await waitFor('sync', () => alex.provider.synced);
  for (let i = 0; i < 50; i++) alex.doc.getArray<number>('checkins').push([i]);
  await waitFor('saved', () => alex.allSaved());
  alex.destroy();

  await server.stop();
  server = await startCollabTestServer({ dbName: server.dbName, dataDir: server.dataDir });
  const again = join('b', doc);
  await waitFor('sync after restart', () => again.provider.synced);
  expect(again.doc.getArray<number>('checkins').toArray()).toEqual(Array.from({ length: 50 }, (_, i) => i));
});

it('each partner has a private document of their own', async () => {
  const mine = join('a', `private:${couple.space.id}:${couple.a.user!.id}`);
  await waitFor('sync', () => mine.provider.synced);
  mine.doc.getText('journal').insert(0, 'only me');
  await waitFor('saved', () => mine.allSaved());
});
