import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Consent } from '../../server/src/spaces/consent.model';
import { ApiClient } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/server';

/** Issue "integrity under concurrency": consent, invites and membership, each race ≥ 10 trials. */
const TRIALS = 10;

let server: TestServer;
let a: ApiClient;
let b: ApiClient;
let c: ApiClient;
let c2: ApiClient;
const crowd: ApiClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
  const people = ['Alex', 'Sam', 'Dr Rivera', 'Dr Okafor'].map(() => new ApiClient(server.baseUrl));
  await Promise.all(people.map((p, i) => p.signup(['Alex', 'Sam', 'Dr Rivera', 'Dr Okafor'][i])));
  [a, b, c, c2] = people as [ApiClient, ApiClient, ApiClient, ApiClient];
  for (let i = 0; i < 20; i++) crowd.push(new ApiClient(server.baseUrl));
  await Promise.all(crowd.map((p, i) => p.signup(`Guest ${i}`)));
}, 120_000);
afterAll(async () => {
  await server.stop();
});

const consentPath = (spaceId: string, who: ApiClient) => `/api/spaces/${spaceId}/counsellors/${who.user!.id}/consent`;

async function counsellorState(spaceId: string, who: ApiClient = c) {
  const res = await a.get(`/api/spaces/${spaceId}/counsellors`);
  expect(res.status).toBe(200);
  return res.body.counsellors.find((x: { userId: string }) => x.userId === who.user!.id) as
    { access: string; consentBy: string[]; until: string | null } | undefined;
}

/** A fresh space of Alex and Sam with Dr Rivera active (both consented). */
async function coupleWithActiveCounsellor(): Promise<string> {
  const space = await a.createSpace('Alex & Sam');
  await b.accept((await a.invite(space.id, 'partner')).token);
  await c.accept((await a.invite(space.id, 'counsellor')).token);
  for (const p of [a, b]) expect((await p.post(consentPath(space.id, c), { granted: true })).status).toBe(200);
  expect((await counsellorState(space.id))!.access).toBe('active');
  return space.id;
}

async function counsellorCanSee(spaceId: string, who: ApiClient = c): Promise<boolean> {
  return (await who.get(`/api/spaces/${spaceId}`)).status === 200 && (await counsellorState(spaceId, who))!.access === 'active';
}

describe('consent under concurrency', () => {
  it('a withdrawal racing a facilitation change is never lost', async () => {
    for (let t = 0; t < TRIALS; t++) {
      const spaceId = await coupleWithActiveCounsellor();
      const [withdraw, facilitate] = await Promise.all([
        a.post(consentPath(spaceId, c), { granted: false }),
        b.post(`/api/spaces/${spaceId}/counsellors/${c.user!.id}/facilitation`, { allowed: true }),
      ]);
      expect(withdraw.status).toBe(200);
      expect(withdraw.body.counsellor.access).toBe('withdrawn');
      expect([200, 409]).toContain(facilitate.status);
      expect((await counsellorState(spaceId))!.access).toBe('withdrawn');
      expect((await c.get(`/api/spaces/${spaceId}`)).status).toBe(404);
    }
  });

  it('a withdrawal racing another counsellor accepting an invite is never lost, and the other joins', async () => {
    for (let t = 0; t < TRIALS; t++) {
      const spaceId = await coupleWithActiveCounsellor();
      const invite = await b.invite(spaceId, 'counsellor');
      const [withdraw, accept] = await Promise.all([
        a.post(consentPath(spaceId, c), { granted: false }),
        c2.post(`/api/invites/${invite.token}/accept`),
      ]);
      expect(withdraw.status).toBe(200);
      expect(accept.status).toBe(200);
      expect((await counsellorState(spaceId))!.access).toBe('withdrawn');
      expect((await counsellorState(spaceId, c2))!.access).toBe('pending');
      expect((await c.get(`/api/spaces/${spaceId}`)).status).toBe(404);
    }
  });

  it('both partners granting at once makes the counsellor active exactly when both consents stand', async () => {
    for (let t = 0; t < TRIALS; t++) {
      const space = await a.createSpace('Alex & Sam');
      await b.accept((await a.invite(space.id, 'partner')).token);
      await c.accept((await a.invite(space.id, 'counsellor')).token);
      const answers = await Promise.all([a, b].map((p) => p.post(consentPath(space.id, c), { granted: true })));
      expect(answers.map((r) => r.status)).toEqual([200, 200]);
      const state = (await counsellorState(space.id))!;
      expect(state.access).toBe('active');
      expect(state.consentBy.sort()).toEqual([a.user!.id, b.user!.id].sort());
    }
  });
});

describe('single-use invites under concurrency', () => {
  for (const role of ['counsellor', 'partner'] as const) {
    it(`20 simultaneous accepts of one ${role} invite: exactly one member, every other answer an error`, async () => {
      for (let t = 0; t < TRIALS; t++) {
        const space = await a.createSpace('Alex');
        const invite = await a.invite(space.id, role);
        const answers = await Promise.all(crowd.map((p) => p.post(`/api/invites/${invite.token}/accept`)));
        const ok = answers.filter((r) => r.status === 200);
        expect(ok).toHaveLength(1);
        for (const r of answers.filter((x) => x.status !== 200)) {
          expect(r.status).toBe(410);
          expect(r.body.error.code).toBe('invite_used');
        }
        const members = (await a.get(`/api/spaces/${space.id}`)).body.space.members;
        expect(members).toHaveLength(2);
        expect(members.filter((m: { role: string }) => m.role === role)).toHaveLength(role === 'partner' ? 2 : 1);
      }
    });
  }

  it('an invite dies with the membership of the partner who made it', async () => {
    const space = await a.createSpace('Alex & Sam');
    await b.accept((await a.invite(space.id, 'partner')).token);
    const invite = await b.invite(space.id, 'counsellor');
    expect((await b.post(`/api/spaces/${space.id}/leave`)).status).toBe(204);
    const res = await c.post(`/api/invites/${invite.token}/accept`);
    expect(res.status).toBe(410);
    expect(res.body.error.code).toBe('invite_revoked');
    expect((await c.get(`/api/spaces/${space.id}`)).status).toBe(404);
  });
});

describe('consent rules', () => {
  it('the effective end is the earlier limit, and after it passes both partners must consent again', async () => {
    const space = await a.createSpace('Alex & Sam');
    await b.accept((await a.invite(space.id, 'partner')).token);
    await c.accept((await a.invite(space.id, 'counsellor')).token);
    const soon = new Date(Date.now() + 1500).toISOString();
    const later = new Date(Date.now() + 3_600_000).toISOString();
    await a.post(consentPath(space.id, c), { granted: true, until: soon });
    const both = await b.post(consentPath(space.id, c), { granted: true, until: later });
    expect(both.body.counsellor).toMatchObject({ access: 'active', until: soon });
    await eventually(async () => expect((await counsellorState(space.id))!.access).toBe('expired'));
    expect(await counsellorCanSee(space.id)).toBe(false);

    // Sam's consent "until later" lapsed with the access period: Alex alone is not enough.
    const again = await a.post(consentPath(space.id, c), { granted: true, until: later });
    expect(again.body.counsellor.access).toBe('pending');
    expect(again.body.counsellor.consentBy).toEqual([a.user!.id]);
    const both2 = await b.post(consentPath(space.id, c), { granted: true });
    expect(both2.body.counsellor).toMatchObject({ access: 'active', until: later });
  });

  it('a withdrawn counsellor can be invited again with a new link and needs both consents afresh', async () => {
    const spaceId = await coupleWithActiveCounsellor();
    expect((await b.post(consentPath(spaceId, c), { granted: false })).body.counsellor.access).toBe('withdrawn');
    const regrant = await a.post(consentPath(spaceId, c), { granted: true });
    expect(regrant.status).toBe(409);
    expect((await c.post(`/api/invites/${(await a.invite(spaceId, 'counsellor')).token}/accept`)).status).toBe(200);
    expect((await counsellorState(spaceId))!.access).toBe('pending');
    expect((await a.post(consentPath(spaceId, c), { granted: true })).body.counsellor.access).toBe('pending');
    expect((await b.post(consentPath(spaceId, c), { granted: true })).body.counsellor.access).toBe('active');
  });

  it('any change of partners ends counsellor access until the partners of the space then consent again', async () => {
    const spaceId = await coupleWithActiveCounsellor();
    expect((await b.post(`/api/spaces/${spaceId}/leave`)).status).toBe(204);
    expect((await counsellorState(spaceId))!.access).toBe('pending');
    expect((await c.get(`/api/spaces/${spaceId}`)).body.space.members.find((m: { userId: string }) => m.userId === c.user!.id).access).toBe(
      'pending',
    );
    expect((await a.post(consentPath(spaceId, c), { granted: true })).body.counsellor.access).toBe('active');

    // A new partner joins: the access Alex alone gave ends again.
    await crowd[0]!.accept((await a.invite(spaceId, 'partner')).token);
    expect((await counsellorState(spaceId))!.access).toBe('pending');
  });

  it("a counsellor the leaver refused does not become active on the other partner's earlier consent", async () => {
    const space = await a.createSpace('Alex & Sam');
    await b.accept((await a.invite(space.id, 'partner')).token);
    await c.accept((await a.invite(space.id, 'counsellor')).token);
    expect((await a.post(consentPath(space.id, c), { granted: true })).body.counsellor.access).toBe('pending');
    await b.post(`/api/spaces/${space.id}/leave`);
    expect((await counsellorState(space.id))!.access).toBe('pending');
    expect(await counsellorCanSee(space.id)).toBe(false);
  });
});

describe('consent records and erasure', () => {
  it('go with their space', async () => {
    const spaceId = await coupleWithActiveCounsellor();
    expect(await Consent.countDocuments({ spaceId })).toBeGreaterThan(0);
    expect((await a.delete(`/api/spaces/${spaceId}`)).status).toBe(202);
    expect((await b.delete(`/api/spaces/${spaceId}`)).status).toBe(204);
    expect(await Consent.countDocuments({ spaceId })).toBe(0);
  });
});

async function eventually(check: () => Promise<void>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
