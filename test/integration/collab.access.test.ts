import * as Y from 'yjs';
import { createExperience, listExperiences } from '@hearth/shared/board';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '@hearth/shared/realtime';
import { ApiClient, makeCoupleWithCounsellor, type Couple } from '../helpers/api';
import { startCollabTestServer, type CollabTestServer } from './collab-fixtures/appServer';
import { tryUpgrade } from './collab-fixtures/rawSocket';
import { connectClient, waitFor, type TestClient } from './collab-fixtures/providers';
import { createMongoCollabStore } from '../../server/src/collab';

const collabStore = createMongoCollabStore();

let server: CollabTestServer;
let people: Couple & { c: ApiClient };
const clients: TestClient[] = [];

function join(who: ApiClient, docName: string): TestClient {
  const client = connectClient(server.wsBase, docName, { cookie: who.cookie, origin: server.baseUrl });
  clients.push(client);
  return client;
}

async function statusFor(who: ApiClient | null, docName: string, origin = server.baseUrl): Promise<number> {
  const headers: Record<string, string> = { origin };
  if (who) headers.cookie = who.cookie;
  const result = await tryUpgrade(`${server.wsBase}/${docName}`, headers);
  if ('client' in result) {
    result.client.ws.close();
    return 101;
  }
  return result.status;
}

beforeAll(async () => {
  server = await startCollabTestServer();
  people = await makeCoupleWithCounsellor(server.baseUrl);
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.stop();
});

describe('who may open which document', () => {
  it('refuses the upgrade with 401 without a session and 403 otherwise', async () => {
    const { a, b, c, space } = people;
    const stranger = new ApiClient(server.baseUrl);
    await stranger.signup('Stranger');
    expect(await statusFor(null, `space:${space.id}`)).toBe(401);
    expect(await statusFor(a, `space:${space.id}`, 'http://evil.example')).toBe(403);
    expect(await statusFor(a, 'board-of-someone-else')).toBe(403);
    expect(await statusFor(stranger, `space:${space.id}`)).toBe(403);
    expect(await statusFor(c, `couple:${space.id}`)).toBe(403);
    expect(await statusFor(c, `private:${space.id}:${a.user!.id}`)).toBe(403);
    expect(await statusFor(a, `private:${space.id}:${b.user!.id}`)).toBe(403);
    const notes = `notes:${space.id}:${c.user!.id}`;
    expect(await statusFor(a, notes)).toBe(403);
    expect(await statusFor(b, notes)).toBe(403);
    expect(await statusFor(c, notes)).toBe(101);
    // Each counsellor has their own notes: the old shared name and another's notes are refused.
    expect(await statusFor(c, `notes:${space.id}`)).toBe(403);
    expect(await statusFor(c, `notes:${space.id}:${a.user!.id}`)).toBe(403);
    expect(await statusFor(c, `space:${space.id}`)).toBe(101);
    expect(await statusFor(a, `private:${space.id}:${a.user!.id}`)).toBe(101);
  });
});

describe('a counsellor on the shared board', () => {
  it('receives live updates, but their edits are refused, not stored and not broadcast', async () => {
    const doc = `space:${people.space.id}`;
    const alex = join(people.a, doc);
    const counsellor = join(people.c, doc);
    await waitFor('sync', () => alex.provider.synced && counsellor.provider.synced);

    counsellor.doc.getMap('items').set('counsellor-note', 'counsellor was here.');
    await waitFor('permission-denied', () => counsellor.permissionDenied.includes('read-only'));

    const actor = { userId: people.a.user!.id, partnerIds: [people.a.user!.id, people.b.user!.id] };
    const planId = createExperience(alex.doc, actor, { title: 'Alex writes.' });
    const titles = (d: Y.Doc) => listExperiences(d).map((e) => e.title);
    await waitFor('the counsellor to see Alex', () => titles(counsellor.doc).includes('Alex writes.'));
    await waitFor('saved', () => alex.allSaved());
    expect(alex.doc.getMap('items').has('counsellor-note')).toBe(false);

    const stored = await collabStore.load(doc);
    const copy = new Y.Doc();
    for (const u of stored.updates) Y.applyUpdate(copy, u);
    expect([...copy.getMap('items').keys()]).toEqual([planId]);

    const late = join(people.b, doc);
    await waitFor('late sync', () => late.provider.synced);
    expect([...late.doc.getMap('items').keys()]).toEqual([planId]);
    expect(titles(late.doc)).toEqual(['Alex writes.']);
  });
});

describe('losing access', () => {
  it('disconnects a partner who leaves the space, for good', async () => {
    const sam = join(people.b, `couple:${people.space.id}`);
    await waitFor('sync', () => sam.provider.synced);
    const res = await people.b.post(`/api/spaces/${people.space.id}/leave`);
    expect(res.status).toBe(204);
    await waitFor('Sam to be disconnected', () => sam.closes.includes(CloseCode.accessRevoked));
    expect(sam.provider.shouldConnect).toBe(false);
  });
});
