import type { SpaceJoinAck } from '@hearth/shared/socket';
import { docNameOf } from '@hearth/shared/realtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, makeCoupleWithCounsellor } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/server';
import { connectSocket, waitFor, type HearthClientSocket } from '../helpers/socket';
import { connectClient, type TestClient } from './collab-fixtures/providers';

let server: TestServer;
const cleanup: Array<() => void> = [];
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  for (const done of cleanup) done();
  await server.stop();
});

/** A board document opened as the browser does: the unmodified y-websocket provider. */
function open(who: ApiClient, docName: string): TestClient {
  const client = connectClient(server.wsBase, docName, { cookie: who.cookie, origin: server.baseUrl });
  cleanup.push(() => client.destroy());
  return client;
}

async function socketOf(who: ApiClient): Promise<HearthClientSocket> {
  const socket = await connectSocket(server.baseUrl, who.cookie);
  cleanup.push(() => socket.close());
  return socket;
}

function joinRoom(socket: HearthClientSocket, spaceId: unknown): Promise<SpaceJoinAck> {
  return socket.emitWithAck('space:join', { spaceId } as { spaceId: string });
}

/** Every state `viewer` sees from other connections: user as the server stamped it, and section. */
function othersSeenBy(viewer: TestClient) {
  return [...viewer.provider.awareness.getStates()]
    .filter(([clientId]) => clientId !== viewer.doc.clientID)
    .map(([, state]) => state as { user?: { id: string; name: string; role: string }; section?: unknown });
}

describe('presence in the documents’ awareness', () => {
  it('shows who is online, where they are, and counsellors as observers', async () => {
    const { a, b, c, space } = await makeCoupleWithCounsellor(server.baseUrl);
    const board = docNameOf({ kind: 'space', spaceId: space.id });
    const [alex, sam, rivera] = [open(a, board), open(b, board), open(c, board)];
    // Whatever a client claims, the server stamps who it is.
    sam.provider.awareness.setLocalState({ user: { id: a.user!.id, name: 'Alex', role: 'partner' } });
    rivera.provider.awareness.setLocalState({ user: { id: c.user!.id, name: 'Dr Rivera', role: 'partner' } });
    await waitFor(() => othersSeenBy(alex).length === 2, 5000, 'two others');
    expect(
      othersSeenBy(alex)
        .map((s) => [s.user?.name, s.user?.role])
        .sort(),
    ).toEqual([
      ['Dr Rivera', 'observer'],
      ['Sam', 'partner'],
    ]);

    sam.provider.awareness.setLocalStateField('section', 'promise');
    await waitFor(() => othersSeenBy(alex).some((s) => s.user?.name === 'Sam' && s.section === 'promise'), 5000, 'Sam in promises');
    await waitFor(
      () => othersSeenBy(rivera).some((s) => s.user?.name === 'Sam' && s.section === 'promise'),
      5000,
      'the counsellor sees it',
    );

    sam.destroy();
    await waitFor(() => othersSeenBy(alex).length === 1, 5000, 'Sam gone');
  });

  it('shares where a partner is on the couple board only with the couple', async () => {
    const { a, b, c, space } = await makeCoupleWithCounsellor(server.baseUrl);
    const couple = docNameOf({ kind: 'couple', spaceId: space.id });
    const [alexCouple, samCouple] = [open(a, couple), open(b, couple)];
    const rivera = open(c, docNameOf({ kind: 'space', spaceId: space.id }));
    await waitFor(() => rivera.provider.synced, 5000, 'counsellor synced');
    alexCouple.provider.awareness.setLocalState({ user: { id: a.user!.id }, section: 'checkin' });
    await waitFor(() => othersSeenBy(samCouple).some((s) => s.section === 'checkin'), 5000, 'Sam sees Alex on check-ins');
    expect(othersSeenBy(rivera)).toEqual([]);
  });
});

describe('the space room over Socket.io', () => {
  it('lets partners and counsellors (as observers) in; refuses strangers, bad payloads, missing sessions and foreign origins', async () => {
    const { a, c, space } = await makeCoupleWithCounsellor(server.baseUrl);
    expect(await joinRoom(await socketOf(a), space.id)).toEqual({ ok: true, role: 'partner' });
    expect(await joinRoom(await socketOf(c), space.id)).toEqual({ ok: true, role: 'observer' });

    const stranger = new ApiClient(server.baseUrl);
    await stranger.signup('Stranger');
    const ss = await socketOf(stranger);
    expect(await joinRoom(ss, space.id)).toEqual({ ok: false, error: { code: 'not_found', message: expect.any(String) } });
    expect(await joinRoom(ss, { $gt: '' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    // The socket survives a bad payload.
    expect(ss.connected).toBe(true);

    await expect(connectSocket(server.baseUrl, '')).rejects.toThrow(/unauthenticated/);
    await expect(connectSocket(server.baseUrl, stranger.cookie, 'https://evil.example')).rejects.toThrow();
  });

  it('disconnects a counsellor within a second of consent being withdrawn, and they leave presence', async () => {
    const { a, b, c, space } = await makeCoupleWithCounsellor(server.baseUrl);
    const board = docNameOf({ kind: 'space', spaceId: space.id });
    const [alex, rivera] = [open(a, board), open(c, board)];
    rivera.provider.awareness.setLocalStateField('section', 'experience');
    await waitFor(() => othersSeenBy(alex).length === 1, 5000, 'counsellor present');
    const sc = await socketOf(c);
    expect((await joinRoom(sc, space.id)).ok).toBe(true);
    const revoked: string[] = [];
    sc.on('space:access-revoked', (p) => revoked.push(p.spaceId));

    const started = Date.now();
    await b.post(`/api/spaces/${space.id}/counsellors/${c.user!.id}/consent`, { granted: false });
    await waitFor(() => !sc.connected, 5000, 'counsellor disconnected');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(revoked).toEqual([space.id]);
    await waitFor(() => othersSeenBy(alex).length === 0, 5000, 'counsellor gone from presence');

    expect((await joinRoom(await socketOf(c), space.id)).ok).toBe(false);
  });
});
