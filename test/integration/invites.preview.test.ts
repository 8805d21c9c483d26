import { createHash } from 'node:crypto';
import { InvitePreviewDto } from '@hearth/shared/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Invite } from '../../server/src/spaces/invite.model';
import { ApiClient, makeCouple } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

async function person(name: string): Promise<ApiClient> {
  const p = new ApiClient(server.baseUrl);
  await p.signup(name);
  return p;
}

async function preview(who: ApiClient, token: string) {
  const res = await who.get(`/api/invites/${token}`);
  if (res.status === 200) InvitePreviewDto.parse(res.body.invite);
  return res;
}

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

describe('invite preview (GET /api/invites/:token)', () => {
  it('names the inviter and the space for a usable link, to anyone holding it', async () => {
    const a = await person('Alex');
    const space = await a.createSpace('Alex & Sam');
    const partner = await a.invite(space.id, 'partner');
    const counsellor = await a.invite(space.id, 'counsellor');
    const anonymous = new ApiClient(server.baseUrl);
    expect((await preview(anonymous, partner.token)).body.invite).toEqual({
      state: 'open',
      role: 'partner',
      spaceName: 'Alex & Sam',
      inviterName: 'Alex',
      spaceId: null,
      expiresAt: partner.expiresAt,
    });
    expect((await preview(anonymous, counsellor.token)).body.invite).toMatchObject({ state: 'open', role: 'counsellor' });
    expect((await preview(a, partner.token)).body.invite).toMatchObject({ state: 'already_member', spaceId: space.id });
  });

  it('says why a link cannot be used, and names nobody once it is spent', async () => {
    const { a, space } = await makeCouple(server.baseUrl);
    const viewer = await person('Casey');
    const full = await a.invite(space.id, 'partner');
    expect((await preview(viewer, full.token)).body.invite).toMatchObject({ state: 'full', spaceName: 'Alex & Sam' });

    const revoked = await a.invite(space.id, 'counsellor');
    expect((await a.delete(`/api/spaces/${space.id}/invites/${revoked.token}`)).status).toBe(204);
    expect((await preview(viewer, revoked.token)).body.invite).toMatchObject({ state: 'revoked', spaceName: null, inviterName: null });

    const expired = await a.invite(space.id, 'counsellor');
    await Invite.updateOne({ tokenHash: hash(expired.token) }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await preview(viewer, expired.token)).body.invite).toMatchObject({ state: 'expired', spaceName: null });

    const once = await a.invite(space.id, 'counsellor');
    await viewer.accept(once.token);
    const other = await person('Robin');
    expect((await preview(other, once.token)).body.invite).toMatchObject({ state: 'used', role: 'counsellor', inviterName: null });

    for (const garbage of ['x'.repeat(32), 'not a token', '%24gt']) {
      const res = await viewer.get(`/api/invites/${encodeURIComponent(garbage)}`);
      expect([res.status, res.body.invite]).toEqual([
        200,
        { state: 'not_found', role: null, spaceName: null, inviterName: null, spaceId: null, expiresAt: null },
      ]);
    }
  });

  it('making a partner link revokes the open one; simultaneous requests leave exactly one open (10 trials)', async () => {
    for (let trial = 0; trial < 10; trial++) {
      const a = await person('Alex');
      const space = await a.createSpace('Alex & Sam');
      const stale = await a.invite(space.id, 'partner');
      const results = await Promise.all(Array.from({ length: 10 }, () => a.post(`/api/spaces/${space.id}/invites`, { role: 'partner' })));
      expect(results.map((r) => r.status)).toEqual(Array(10).fill(201));
      const open = await Invite.find({ spaceId: space.id, role: 'partner', usedAt: null, revokedAt: null }).lean();
      expect(open).toHaveLength(1);
      const tokens = results.map((r) => r.body.invite.token as string);
      expect(tokens.map(hash)).toContain(open[0]!.tokenHash);
      const states = await Promise.all([stale.token, ...tokens].map(async (t) => (await preview(a, t)).body.invite.state));
      // Alex is a member, so the one live link reads "already_member"; every other link is revoked.
      expect(states.filter((s) => s === 'already_member')).toHaveLength(1);
      expect(states.filter((s) => s === 'revoked')).toHaveLength(10);
    }
  });
});
