import type { SpaceStatus, SpaceStatusOpen } from '@hearth/shared/socket';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, makeCouple } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/server';
import { connectSocket, waitFor, type HearthClientSocket } from '../helpers/socket';

// Live status over Socket.io (docs/realtime.md, "Live status"): real server, real database,
// real socket.io-client connections, one per person.
let server: TestServer;
const sockets: HearthClientSocket[] = [];
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await server.stop();
});

interface Watcher {
  socket: HearthClientSocket;
  statuses: SpaceStatus[];
  latest(): SpaceStatus | undefined;
  /** Every notice received so far, in order. */
  notices(): string[];
}

async function watch(api: ApiClient, spaceId: string): Promise<Watcher & { initial: SpaceStatus }> {
  const socket = await connectSocket(server.baseUrl, api.cookie);
  sockets.push(socket);
  const statuses: SpaceStatus[] = [];
  socket.on('space:status', (s) => statuses.push(s));
  const ack = await socket.emitWithAck('status:watch', { spaceId });
  if (!ack.ok) throw new Error(`watch failed: ${JSON.stringify(ack)}`);
  return {
    socket,
    statuses,
    initial: ack.status,
    latest: () => statuses.at(-1),
    notices: () => statuses.flatMap((s) => (s.state === 'open' ? s.notices : [])),
  };
}

const open = (s: SpaceStatus | undefined): SpaceStatusOpen | undefined => (s?.state === 'open' ? s : undefined);

async function person(name: string): Promise<ApiClient> {
  const p = new ApiClient(server.baseUrl);
  await p.signup(name);
  return p;
}

async function withCounsellor() {
  const couple = await makeCouple(server.baseUrl);
  const c = await person('Dr Rivera');
  await c.accept((await couple.a.invite(couple.space.id, 'counsellor')).token);
  return { ...couple, c };
}

const consent = (p: ApiClient, spaceId: string, c: ApiClient, granted: boolean) =>
  p.post(`/api/spaces/${spaceId}/counsellors/${c.user!.id}/consent`, { granted });

describe('live status over Socket.io', () => {
  it('consent reaches both partners and the counsellor; the counsellor never learns who has not consented', async () => {
    const { a, b, c, space } = await withCounsellor();
    const [wa, wb, wc] = [await watch(a, space.id), await watch(b, space.id), await watch(c, space.id)];
    expect(wc.initial).toMatchObject({ state: 'open', role: 'counsellor', partner: null });
    expect(open(wa.initial)?.partner?.counsellors).toEqual([
      expect.objectContaining({ displayName: 'Dr Rivera', access: 'pending', consentBy: [] }),
    ]);

    expect((await consent(a, space.id, c, true)).status).toBe(200);
    await waitFor(() => wb.notices().includes('Alex consented to Dr Rivera seeing “us + counsellor” items.'), 5000, 'Sam told');
    await waitFor(() => wc.statuses.length >= 1, 5000, 'counsellor pushed');
    // Alex's own screen is not told what Alex did.
    expect(wa.notices()).toEqual([]);

    expect((await consent(b, space.id, c, true)).status).toBe(200);
    await waitFor(
      () => open(wc.latest())?.space.members.find((m) => m.role === 'counsellor')?.access === 'active',
      5000,
      'counsellor active',
    );
    expect(wc.notices()).toEqual(['Both partners consented: you can now see their “us + counsellor” items.']);
    await waitFor(() => wa.notices().includes('Dr Rivera can now see your “us + counsellor” items.'), 5000, 'Alex told');
    // While pending, nothing the counsellor received said which partner had consented.
    const told = JSON.stringify([wc.initial, ...wc.statuses]);
    expect(told).not.toMatch(/consentBy|consented to|Alex consented|Sam consented|waiting for (Alex|Sam)/i);

    const withdrawnAt = Date.now();
    expect((await consent(b, space.id, c, false)).status).toBe(200);
    await waitFor(() => wc.latest()?.state === 'ended', 5000, 'counsellor access ended');
    const elapsed = Date.now() - withdrawnAt;
    expect(wc.latest()).toEqual({
      spaceId: space.id,
      state: 'ended',
      reason: 'withdrawn',
      message: 'Your access to Alex & Sam ended: Sam withdrew consent.',
    });
    await waitFor(() => wa.notices().includes('Sam withdrew consent for Dr Rivera.'), 5000, 'Alex told of the withdrawal');
    expect(open(wa.latest())?.partner?.counsellors[0]?.access).toBe('withdrawn');
    // Logged so slow machines show up in the output; the browser journey checks "without reload".
    console.info(`withdrawal reached the counsellor after ${elapsed} ms`);
  });

  it('a person who loses the space stops receiving its events', async () => {
    const { a, b, c, space } = await withCounsellor();
    await consent(a, space.id, c, true);
    await consent(b, space.id, c, true);
    const [wa, wb, wc] = [await watch(a, space.id), await watch(b, space.id), await watch(c, space.id)];
    // Facilitation: the other partner learns who allowed it; the counsellor only that they may.
    expect((await a.post(`/api/spaces/${space.id}/counsellors/${c.user!.id}/facilitation`, { allowed: true })).status).toBe(200);
    await waitFor(() => wb.notices().includes('Alex allowed Dr Rivera to start, pause and advance exercises.'), 5000, 'Sam told');
    await waitFor(() => wc.notices().includes('You may now start, pause and advance exercises.'), 5000, 'counsellor told');
    expect(open(wb.latest())?.partner?.counsellors[0]?.canFacilitate).toBe(true);
    expect(wa.notices()).toEqual([]);
    await consent(a, space.id, c, false);
    await waitFor(() => wc.latest()?.state === 'ended', 5000, 'counsellor ended');
    expect(wc.latest()).toMatchObject({ reason: 'withdrawn', message: 'Your access to Alex & Sam ended: Alex withdrew consent.' });

    expect((await b.post(`/api/spaces/${space.id}/leave`)).status).toBe(204);
    await waitFor(() => wb.latest()?.state === 'ended', 5000, 'Sam ended');
    expect(wb.latest()).toMatchObject({ reason: 'left', message: 'You left this space.' });
    await waitFor(() => wa.notices().includes('Sam left this space.'), 5000, 'Alex told Sam left');

    const [cCount, bCount] = [wc.statuses.length, wb.statuses.length];
    const before = wa.statuses.length;
    await a.invite(space.id, 'counsellor');
    await waitFor(() => wa.statuses.length > before, 5000, 'Alex pushed');
    await new Promise((r) => setTimeout(r, 300));
    expect([wc.statuses.length, wb.statuses.length]).toEqual([cCount, bCount]);
    // Watching again is refused exactly like the HTTP API's 404.
    for (const gone of [b, c]) {
      const s = await connectSocket(server.baseUrl, gone.cookie);
      sockets.push(s);
      expect(await s.emitWithAck('status:watch', { spaceId: space.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
  });

  it('strangers and malformed requests get nothing', async () => {
    const { space } = await makeCouple(server.baseUrl);
    const s = await connectSocket(server.baseUrl, (await person('Stranger')).cookie);
    sockets.push(s);
    expect(await s.emitWithAck('status:watch', { spaceId: space.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await s.emitWithAck('status:watch', { spaceId: { $gt: '' } } as never)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(s.connected).toBe(true);
  });

  it('invites: one open partner link, and a used link disappears from the inviter’s status', async () => {
    const a = await person('Alex');
    const space = await a.createSpace('Alex & Sam');
    const wa = await watch(a, space.id);
    const first = await a.invite(space.id, 'partner');
    await waitFor(() => open(wa.latest())?.partner?.openInvites.some((i) => i.id === first.id), 5000, 'first link listed');
    const second = await a.invite(space.id, 'partner');
    await waitFor(() => open(wa.latest())?.partner?.openInvites.some((i) => i.id === second.id), 5000, 'second link listed');
    expect(open(wa.latest())?.partner?.openInvites.map((i) => i.id)).toEqual([second.id]);

    // A counsellor link known only by its id (made in another tab) can be withdrawn by id.
    const counsellorLink = await a.invite(space.id, 'counsellor');
    await waitFor(() => open(wa.latest())?.partner?.openInvites.some((i) => i.id === counsellorLink.id), 5000, 'counsellor link listed');
    expect((await a.delete(`/api/spaces/${space.id}/open-invites/${counsellorLink.id}`)).status).toBe(204);
    await waitFor(() => open(wa.latest())?.partner?.openInvites.every((i) => i.id !== counsellorLink.id), 5000, 'counsellor link gone');
    expect((await a.delete(`/api/spaces/${space.id}/open-invites/${counsellorLink.id}`)).body.error.code).toBe('invite_not_found');

    const b = await person('Sam');
    expect((await b.delete(`/api/spaces/${space.id}/open-invites/${second.id}`)).body.error.code).toBe('not_found');
    expect((await b.post(`/api/invites/${first.token}/accept`)).body.error.code).toBe('invite_revoked');
    await b.accept(second.token);
    await waitFor(() => wa.notices().includes('Sam joined this space.'), 5000, 'Alex told Sam joined');
    expect(open(wa.latest())?.partner?.openInvites).toEqual([]);
  });

  it('deletion requests and the deletion itself reach every screen', async () => {
    const { a, b, c, space } = await withCounsellor();
    await consent(a, space.id, c, true);
    await consent(b, space.id, c, true);
    const [wa, wb, wc] = [await watch(a, space.id), await watch(b, space.id), await watch(c, space.id)];
    expect((await a.delete(`/api/spaces/${space.id}`)).status).toBe(202);
    await waitFor(() => wb.notices().includes('Alex asked to delete this space. It is deleted once you confirm too.'), 5000, 'Sam told');
    expect(open(wb.latest())?.partner?.deletionRequestedBy).toEqual([a.user!.id]);
    expect(wc.notices()).toEqual([]);

    expect((await b.delete(`/api/spaces/${space.id}`)).status).toBe(204);
    await waitFor(() => wa.latest()?.state === 'ended' && wc.latest()?.state === 'ended', 5000, 'ended everywhere');
    expect(wa.latest()).toMatchObject({ reason: 'deleted', message: 'This space was deleted by both partners.' });
    expect(wc.latest()).toMatchObject({ reason: 'deleted', message: 'Your access to Alex & Sam ended: the couple deleted the space.' });
  });

  it('every access-log entry is pushed to both partners, never to the counsellor', async () => {
    const { a, b, c, space } = await withCounsellor();
    await consent(a, space.id, c, true);
    await consent(b, space.id, c, true);
    const [wa, wb, wc] = [await watch(a, space.id), await watch(b, space.id), await watch(c, space.id)];
    const logged = (w: Watcher) => {
      const seen: string[] = [];
      w.socket.on('space:access-logged', ({ spaceId }) => seen.push(spaceId));
      return seen;
    };
    const [la, lb, lc] = [logged(wa), logged(wb), logged(wc)];
    // A counsellor's export is written to the access log.
    expect((await c.get(`/api/spaces/${space.id}/export?format=md`)).status).toBe(200);
    await waitFor(() => la.length === 1 && lb.length === 1, 5000, 'both partners told');
    expect(la).toEqual([space.id]);
    // A partner's own export is not logged, so nothing more is pushed.
    expect((await a.get(`/api/spaces/${space.id}/export?format=md`)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect([la.length, lb.length, lc.length]).toEqual([1, 1, 0]);
  });
});
