import type { PresenceAck, PresenceState } from '@hearth/shared/socket';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, makeCoupleWithCounsellor } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/server';
import { connectSocket, waitFor, type HearthClientSocket } from '../helpers/socket';

let server: TestServer;
const open: HearthClientSocket[] = [];
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  for (const s of open) s.close();
  await server.stop();
});

async function connect(api: ApiClient) {
  const socket = await connectSocket(server.baseUrl, api.cookie);
  open.push(socket);
  const states: PresenceState[] = [];
  socket.on('presence:state', (s) => states.push(s));
  return { socket, states, latest: () => states.at(-1) };
}

function join(socket: HearthClientSocket, spaceId: unknown): Promise<PresenceAck> {
  return socket.emitWithAck('presence:join', { spaceId } as { spaceId: string });
}

describe('presence over Socket.io', () => {
  it('shows who is online, where they are, and counsellors as observers', async () => {
    const { a, b, c, space } = await makeCoupleWithCounsellor(server.baseUrl);
    const sa = await connect(a);
    const sb = await connect(b);
    const sc = await connect(c);
    expect((await join(sa.socket, space.id)).ok).toBe(true);
    await join(sb.socket, space.id);
    await join(sc.socket, space.id);

    const everyone = await waitFor(() => sa.latest()?.people.length === 3 && sa.latest(), 5000, 'three people');
    expect(everyone.people.map((p) => [p.displayName, p.role])).toEqual([
      ['Alex', 'partner'],
      ['Dr Rivera', 'observer'],
      ['Sam', 'partner'],
    ]);

    sb.socket.emit('presence:update', { spaceId: space.id, section: 'promise' });
    await waitFor(() => sa.latest()?.people.find((p) => p.displayName === 'Sam' && p.section === 'promise'), 5000, 'Sam in promises');

    sb.socket.close();
    await waitFor(() => sa.latest()?.people.length === 2, 5000, 'Sam gone');
  });

  it('never carries an item id or a count of devices, whatever a client sends', async () => {
    const { a, b, space } = await makeCoupleWithCounsellor(server.baseUrl);
    const privateId = `private-${Math.random().toString(36).slice(2)}`;
    const [a1, a2, sb] = [await connect(a), await connect(a), await connect(b)];
    for (const s of [a1, a2, sb]) await join(s.socket, space.id);
    // An old client still sending the focused item's id: refused whole, nothing relayed.
    a1.socket.emit('presence:update', { spaceId: space.id, section: 'card', itemId: privateId } as never);
    a2.socket.emit('presence:update', { spaceId: space.id, section: 'checkin' });
    await waitFor(() => sb.latest()?.people.find((p) => p.displayName === 'Alex' && p.section === 'checkin'), 5000, 'Alex on check-ins');
    const seen = JSON.stringify(sb.states);
    expect(seen).not.toContain(privateId);
    for (const state of sb.states)
      for (const person of state.people) expect(Object.keys(person).sort()).toEqual(['displayName', 'role', 'section', 'userId']);
  });

  it('leaves out a person who chose to appear offline, on every device, and brings them back', async () => {
    const { a, b, space } = await makeCoupleWithCounsellor(server.baseUrl);
    const [sa, sb] = [await connect(a), await connect(b)];
    await join(sa.socket, space.id);
    await join(sb.socket, space.id);
    await waitFor(() => sb.latest()?.people.some((p) => p.displayName === 'Alex'), 5000, 'Alex online');

    expect((await a.request('PATCH', '/api/me/settings', { appearOffline: true })).body.settings.appearOffline).toBe(true);
    await waitFor(() => sb.latest() && !sb.latest()!.people.some((p) => p.displayName === 'Alex'), 5000, 'Alex hidden');
    // A new connection and a new join do not show them either.
    const again = await connect(b);
    const joined = await join(again.socket, space.id);
    expect(joined.ok && joined.presence.people.map((p) => p.displayName)).toEqual(['Sam']);

    await a.request('PATCH', '/api/me/settings', { appearOffline: false });
    await waitFor(() => sb.latest()?.people.some((p) => p.displayName === 'Alex'), 5000, 'Alex back');
  });

  it('refuses strangers, bad payloads, missing sessions and foreign origins', async () => {
    const { space } = await makeCoupleWithCounsellor(server.baseUrl);
    const stranger = new ApiClient(server.baseUrl);
    await stranger.signup('Stranger');
    const ss = await connect(stranger);
    expect(await join(ss.socket, space.id)).toEqual({ ok: false, error: { code: 'not_found', message: expect.any(String) } });
    const bad = await join(ss.socket, { $gt: '' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    // The socket survives a bad payload.
    expect(ss.socket.connected).toBe(true);

    await expect(connectSocket(server.baseUrl, '')).rejects.toThrow(/unauthenticated/);
    await expect(connectSocket(server.baseUrl, stranger.cookie, 'https://evil.example')).rejects.toThrow();
  });

  it('disconnects a counsellor within a second of consent being withdrawn', async () => {
    const { a, b, c, space } = await makeCoupleWithCounsellor(server.baseUrl);
    const sa = await connect(a);
    const sc = await connect(c);
    await join(sa.socket, space.id);
    await join(sc.socket, space.id);
    const revoked: string[] = [];
    sc.socket.on('space:access-revoked', (p) => revoked.push(p.spaceId));

    const started = Date.now();
    await b.post(`/api/spaces/${space.id}/counsellors/${c.user!.id}/consent`, { granted: false });
    await waitFor(() => !sc.socket.connected, 5000, 'counsellor disconnected');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(revoked).toEqual([space.id]);
    await waitFor(() => sa.latest()?.people.length === 1, 5000, 'counsellor gone from presence');

    const again = await connect(c);
    expect((await join(again.socket, space.id)).ok).toBe(false);
  });
});
