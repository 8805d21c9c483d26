import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Invite } from '../../server/src/spaces/invite.model';
import { ApiClient, makeCouple, makeCoupleWithCounsellor } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

async function person(name: string): Promise<ApiClient> {
  const api = new ApiClient(server.baseUrl);
  await api.signup(name);
  return api;
}

describe('couple spaces', () => {
  it('creates a space, lists it, invites a partner who accepts once', async () => {
    const a = await person('Alex');
    const created = await a.post('/api/spaces', { name: 'Alex & Sam' });
    expect(created.status).toBe(201);
    const space = created.body.space;
    expect(space).toEqual({
      id: expect.any(String),
      name: 'Alex & Sam',
      members: [{ userId: a.user!.id, displayName: 'Alex', role: 'partner' }],
    });

    const invite = await a.post(`/api/spaces/${space.id}/invites`, { role: 'partner' });
    expect(invite.status).toBe(201);
    expect(invite.body.invite).toMatchObject({ role: 'partner', url: `${server.baseUrl}/invite/${invite.body.invite.token}` });
    const days = (Date.parse(invite.body.invite.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThan(7.1);

    const b = await person('Sam');
    const accepted = await b.post(`/api/invites/${invite.body.invite.token}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body.space.members.map((m: { displayName: string }) => m.displayName)).toEqual(['Alex', 'Sam']);

    const c = await person('Casey');
    const reused = await c.post(`/api/invites/${invite.body.invite.token}/accept`);
    expect(reused.status).toBe(410);
    expect(reused.body.error.code).toBe('invite_used');

    expect((await b.get('/api/spaces')).body.spaces.map((s: { id: string }) => s.id)).toEqual([space.id]);
    expect((await b.get(`/api/spaces/${space.id}`)).body.space.id).toBe(space.id);
  });

  it('refuses a third partner, even with a fresh invite', async () => {
    const { a, space } = await makeCouple(server.baseUrl);
    const invite = await a.invite(space.id, 'partner');
    const third = await person('Third');
    const res = await third.post(`/api/invites/${invite.token}/accept`);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('space_full');
    // The refused invite was not consumed by the failed attempt.
    expect(await Invite.findOne({ usedBy: new mongoose.Types.ObjectId(third.user!.id) }).lean()).toBeNull();
  });

  it('a revoked invite and an expired invite say which', async () => {
    const a = await person('Alex');
    const space = await a.createSpace();
    const revoked = await a.invite(space.id, 'partner');
    expect((await a.delete(`/api/spaces/${space.id}/invites/${revoked.token}`)).status).toBe(204);
    const b = await person('Sam');
    const r1 = await b.post(`/api/invites/${revoked.token}/accept`);
    expect([r1.status, r1.body.error.code]).toEqual([410, 'invite_revoked']);

    const expired = await a.invite(space.id, 'partner');
    await Invite.updateMany({ spaceId: space.id, revokedAt: null }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    const r2 = await b.post(`/api/invites/${expired.token}/accept`);
    expect([r2.status, r2.body.error.code]).toEqual([410, 'invite_expired']);

    const r3 = await b.post(`/api/invites/${'x'.repeat(32)}/accept`);
    expect([r3.status, r3.body.error.code]).toEqual([404, 'invite_not_found']);
  });

  it('a stranger, a member of another space and a former member all get 404', async () => {
    const { a, b, space } = await makeCouple(server.baseUrl);
    const stranger = await person('Stranger');
    const other = await makeCouple(server.baseUrl);
    for (const outsider of [stranger, other.a]) {
      for (const [method, path, body] of [
        ['GET', `/api/spaces/${space.id}`],
        ['POST', `/api/spaces/${space.id}/invites`, { role: 'partner' }],
        ['POST', `/api/spaces/${space.id}/leave`, {}],
      ] as const) {
        const res = await outsider.request(method, path, body);
        expect([path, res.status, res.body.error?.code]).toEqual([path, 404, 'not_found']);
      }
    }
    // A space id that does not exist looks exactly the same.
    const missing = await stranger.get('/api/spaces/0123456789abcdef01234567');
    expect(missing.body).toEqual((await stranger.get(`/api/spaces/${space.id}`)).body);

    expect((await b.post(`/api/spaces/${space.id}/leave`)).status).toBe(204);
    expect((await b.get(`/api/spaces/${space.id}`)).status).toBe(404);
    expect((await b.get('/api/spaces')).body.spaces).toEqual([]);
    expect((await a.get(`/api/spaces/${space.id}`)).body.space.members).toHaveLength(1);
  });

  it('requires a session for every space route', async () => {
    const anon = new ApiClient(server.baseUrl);
    expect((await anon.get('/api/spaces')).status).toBe(401);
    expect((await anon.post('/api/spaces', { name: 'x' })).status).toBe(401);
  });

  it('validates space input', async () => {
    const a = await person('Alex');
    expect((await a.post('/api/spaces', { name: '' })).status).toBe(400);
    expect((await a.post('/api/spaces', { name: 'ok', extra: 1 })).status).toBe(400);
    const space = await a.createSpace();
    const badRole = await a.post(`/api/spaces/${space.id}/invites`, { role: 'admin' });
    expect([badRole.status, badRole.body.error.message]).toEqual([400, expect.stringContaining('role')]);
  });

  it('a counsellor is pending until both partners consent, and gone after a withdrawal', async () => {
    const { a, b, space, c } = await makeCoupleWithCounsellor(server.baseUrl);
    const counsellor = (await a.get(`/api/spaces/${space.id}`)).body.space.members.find((m: { role: string }) => m.role === 'counsellor');
    expect(counsellor).toMatchObject({ displayName: 'Dr Rivera', access: 'active' });
    const withdrawn = await b.post(`/api/spaces/${space.id}/counsellors/${c.user!.id}/consent`, { granted: false });
    expect(withdrawn.body.counsellor.access).toBe('withdrawn');
    expect((await c.get(`/api/spaces/${space.id}`)).status).toBe(404);
    // Not listed, and still a counsellor (their home is not a couple's first steps); partners are not.
    expect((await c.get('/api/spaces')).body).toEqual({ spaces: [], counsels: true });
    expect((await a.get('/api/spaces')).body.counsels).toBe(false);
    // The counsellor cannot invite or consent.
    expect((await c.post(`/api/spaces/${space.id}/invites`, { role: 'partner' })).status).toBe(404);
  });
});
