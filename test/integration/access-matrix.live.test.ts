import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExperience } from '@hearth/shared/board';
import { CloseCode } from '@hearth/shared/realtime';
import { createLogger } from '../../server/src/platform/logger';
import { deleteAccount } from '../../server/src/privacy/accountErasure';
import { Consent } from '../../server/src/spaces/consent.model';
import { ApiClient } from '../helpers/api';
import { connectSocket, type HearthClientSocket } from '../helpers/socket';
import { startCollabTestServer, type CollabTestServer } from './collab-fixtures/appServer';
import { connectClient, waitFor, type TestClient } from './collab-fixtures/providers';
import { tryUpgrade } from './collab-fixtures/rawSocket';
import { createMongoCollabStore } from '../../server/src/collab';
import { createStoredDocs } from '../../server/src/privacy/storedDocs';

const collabStore = createMongoCollabStore();
const { readStoredDoc, storedDocNames } = createStoredDocs(collabStore);

/**
 * The live side of the access matrix: every Yjs document kind and the Socket.io space room ×
 * every kind of person, and what happens to open connections when access ends.
 */
type Who = 'partner' | 'pending' | 'active' | 'withdrawn' | 'expired' | 'stranger' | 'former' | 'anonymous';
const PEOPLE: Who[] = ['partner', 'pending', 'active', 'withdrawn', 'expired', 'stranger', 'former', 'anonymous'];

let server: CollabTestServer;
let spaceId: string;
let other: ApiClient;
const people = {} as Record<Who, ApiClient>;
const cleanup: Array<() => void> = [];

async function person(name: string): Promise<ApiClient> {
  const client = new ApiClient(server.baseUrl);
  await client.signup(name);
  return client;
}

async function counsellor(name: string, consentBy: ApiClient[], until?: string): Promise<ApiClient> {
  const c = await person(name);
  await c.accept((await people.partner.invite(spaceId, 'counsellor')).token);
  for (const p of consentBy) {
    const res = await p.post(`/api/spaces/${spaceId}/counsellors/${c.user!.id}/consent`, { granted: true, ...(until ? { until } : {}) });
    expect(res.status).toBe(200);
  }
  return c;
}

beforeAll(async () => {
  server = await startCollabTestServer();
  people.partner = await person('Alex');
  spaceId = (await people.partner.createSpace('Live matrix')).id;
  const former = await person('Former');
  await former.accept((await people.partner.invite(spaceId, 'partner')).token);
  await former.post(`/api/spaces/${spaceId}/leave`);
  other = await person('Sam');
  await other.accept((await people.partner.invite(spaceId, 'partner')).token);
  people.pending = await counsellor('Pending', [people.partner]);
  people.active = await counsellor('Active', [people.partner, other]);
  people.withdrawn = await counsellor('Withdrawn', [people.partner, other]);
  await other.post(`/api/spaces/${spaceId}/counsellors/${people.withdrawn.user!.id}/consent`, { granted: false });
  people.expired = await counsellor('Expired', [people.partner, other]);
  // Access that ran out: both consents' end is set to now directly in the database.
  await Consent.updateMany({ spaceId, counsellorId: people.expired.user!.id }, { $set: { until: new Date() } });
  await new Promise((r) => setTimeout(r, 20));
  people.stranger = await person('Stranger');
  people.former = former;
  people.anonymous = new ApiClient(server.baseUrl);
});

afterAll(async () => {
  for (const fn of cleanup) fn();
  await server?.stop();
});

async function upgradeStatus(who: ApiClient, docName: string): Promise<number> {
  const headers: Record<string, string> = { origin: server.baseUrl };
  if (who.cookie) headers.cookie = who.cookie;
  const result = await tryUpgrade(`${server.wsBase}/${docName}`, headers);
  if (!('client' in result)) return result.status;
  result.client.ws.close();
  return 101;
}

function join(who: ApiClient, docName: string): TestClient {
  const client = connectClient(server.wsBase, docName, { cookie: who.cookie, origin: server.baseUrl });
  cleanup.push(() => client.destroy());
  return client;
}

async function socketOf(who: ApiClient): Promise<HearthClientSocket> {
  const socket = await connectSocket(server.baseUrl, who.cookie);
  cleanup.push(() => socket.close());
  return socket;
}

describe('Yjs documents × people', () => {
  it('opens only the intended documents (101), refuses the rest (403, or 401 without a session)', async () => {
    const docs = {
      space: `space:${spaceId}`,
      couple: `couple:${spaceId}`,
      ownPrivate: (w: Who) => `private:${spaceId}:${people[w].user?.id ?? people.partner.user!.id}`,
      partnersPrivate: `private:${spaceId}:${other.user!.id}`,
      ownNotes: (w: Who) => `notes:${spaceId}:${people[w].user?.id ?? people.active.user!.id}`,
    };
    const got: Record<string, Record<string, number>> = {};
    for (const who of PEOPLE) {
      got[who] = {
        space: await upgradeStatus(people[who], docs.space),
        couple: await upgradeStatus(people[who], docs.couple),
        ownPrivate: await upgradeStatus(people[who], docs.ownPrivate(who)),
        partnersPrivate: await upgradeStatus(people[who], docs.partnersPrivate),
        notes: await upgradeStatus(people[who], docs.ownNotes(who)),
      };
    }
    const none = { space: 403, couple: 403, ownPrivate: 403, partnersPrivate: 403, notes: 403 };
    expect(got).toEqual({
      partner: { space: 101, couple: 101, ownPrivate: 101, partnersPrivate: 403, notes: 403 },
      pending: none,
      active: { ...none, space: 101, notes: 101 },
      withdrawn: none,
      expired: none,
      stranger: none,
      former: none,
      anonymous: { space: 401, couple: 401, ownPrivate: 401, partnersPrivate: 401, notes: 401 },
    });
  });
});

describe('Socket.io space room × people', () => {
  it("lets partners and active counsellors (as observers) join the space's room; refuses everyone else", async () => {
    const got: Record<string, string> = {};
    for (const who of PEOPLE) {
      if (who === 'anonymous') {
        got[who] = await connectSocket(server.baseUrl, '').then(
          (s) => (s.close(), 'connected'),
          (err: Error) => err.message,
        );
        continue;
      }
      const socket = await socketOf(people[who]);
      const ack = await socket.emitWithAck('space:join', { spaceId });
      got[who] = ack.ok ? ack.role : ack.error.code;
    }
    expect(got).toEqual({
      partner: 'partner',
      pending: 'not_found',
      active: 'observer',
      withdrawn: 'not_found',
      expired: 'not_found',
      stranger: 'not_found',
      former: 'not_found',
      anonymous: 'unauthenticated',
    });
  });
});

describe('when counsellor access ends', () => {
  it("withdrawal closes the counsellor's live Yjs and Socket.io connections at once, final (4403)", async () => {
    const c = await counsellor('Dr Live', [people.partner, other]);
    const board = join(c, `space:${spaceId}`);
    const notes = join(c, `notes:${spaceId}:${c.user!.id}`);
    await waitFor('counsellor synced', () => board.provider.synced && notes.provider.synced);
    const socket = await socketOf(c);
    expect((await socket.emitWithAck('space:join', { spaceId })).ok).toBe(true);
    const revoked: string[] = [];
    socket.on('space:access-revoked', ({ spaceId: id }) => revoked.push(id));

    expect((await other.post(`/api/spaces/${spaceId}/counsellors/${c.user!.id}/consent`, { granted: false })).status).toBe(200);
    await waitFor(
      'Yjs connections closed',
      () => board.closes.includes(CloseCode.accessRevoked) && notes.closes.includes(CloseCode.accessRevoked),
      5000,
    );
    await waitFor('socket disconnected', () => !socket.connected, 5000);
    expect(revoked).toEqual([spaceId]);
    expect(await upgradeStatus(c, `space:${spaceId}`)).toBe(403);
  });

  it('an end date passing closes them too, with no request from anyone', async () => {
    const until = new Date(Date.now() + 2500).toISOString();
    const c = await counsellor('Dr Until', [people.partner, other], until);
    const board = join(c, `space:${spaceId}`);
    await waitFor('counsellor synced', () => board.provider.synced);
    const socket = await socketOf(c);
    expect((await socket.emitWithAck('space:join', { spaceId })).ok).toBe(true);
    await waitFor('closed at expiry', () => board.closes.includes(CloseCode.accessRevoked) && !socket.connected, 15_000);
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(until));
  });
});

describe('account erasure with a live private document', () => {
  it('drops the live copy: nothing is written back after the rows are deleted', async () => {
    const alex = await person('Canary');
    const sam = await person('Partner');
    const id = (await alex.createSpace('Canary space')).id;
    await sam.accept((await alex.invite(id, 'partner')).token);
    const canary = `CANARY${randomBytes(8).toString('hex')}`;
    const docName = `private:${id}:${alex.user!.id}`;
    const client = join(alex, docName);
    await waitFor('synced', () => client.provider.synced);
    createExperience(client.doc, { userId: alex.user!.id, partnerIds: [alex.user!.id, sam.user!.id] }, { title: canary });
    await waitFor('saved', () => client.allSaved());
    expect(await storedDocNames(new RegExp(`^${docName}$`))).toEqual([docName]);

    await deleteAccount(alex.user!.id, 'correct horse battery', {
      events: server.hearth.events,
      logger: createLogger('silent'),
      evictDocuments: (match) => server.collab.evictDocuments(match),
      sessions: server.hearth.sessions,
      stored: server.hearth.storedDocs,
    });
    // The account's sessions end first: its connections close as signed out.
    await waitFor('closed', () => client.closes.includes(CloseCode.unauthenticated), 5000);
    await waitFor('unloaded', () => server.collab.stats().loadedDocuments === 0, 15_000);
    expect(await storedDocNames(new RegExp(`^${docName}$`))).toEqual([]);
    const reread = await readStoredDoc(docName);
    expect(JSON.stringify(reread.getMap('items').toJSON())).not.toContain(canary);
  });
});
