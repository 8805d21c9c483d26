import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Consent } from '../../server/src/spaces/consent.model';
import { ApiClient } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/server';

/**
 * Every REST route about a space × every kind of person. Routes that change or destroy
 * state are checked here only in the cells that must be refused; their allowed cells are
 * exercised in spaces, counsellor, privacy and erasure tests.
 */
type Who = 'partner' | 'pending' | 'active' | 'withdrawn' | 'expired' | 'stranger' | 'former' | 'anonymous';
const PEOPLE: Who[] = ['partner', 'pending', 'active', 'withdrawn', 'expired', 'stranger', 'former', 'anonymous'];

let server: TestServer;
let spaceId: string;
let inviteToken: string;
const people = {} as Record<Who, ApiClient>;

async function person(name: string): Promise<ApiClient> {
  const client = new ApiClient(server.baseUrl);
  await client.signup(name);
  return client;
}

beforeAll(async () => {
  server = await startTestServer();
  const partner = await person('Alex');
  spaceId = (await partner.createSpace('Matrix')).id;
  // A former partner: joined, then left; then the second partner joins.
  const former = await person('Former');
  await former.accept((await partner.invite(spaceId, 'partner')).token);
  expect((await former.post(`/api/spaces/${spaceId}/leave`)).status).toBe(204);
  const second = await person('Sam');
  await second.accept((await partner.invite(spaceId, 'partner')).token);

  const counsellor = async (name: string, consentBy: ApiClient[]) => {
    const c = await person(name);
    await c.accept((await partner.invite(spaceId, 'counsellor')).token);
    for (const p of consentBy) {
      expect((await p.post(`/api/spaces/${spaceId}/counsellors/${c.user!.id}/consent`, { granted: true })).status).toBe(200);
    }
    return c;
  };
  people.partner = partner;
  people.pending = await counsellor('Pending', [partner]);
  people.active = await counsellor('Active', [partner, second]);
  people.withdrawn = await counsellor('Withdrawn', [partner, second]);
  await second.post(`/api/spaces/${spaceId}/counsellors/${people.withdrawn.user!.id}/consent`, { granted: false });
  people.expired = await counsellor('Expired', [partner, second]);
  // Access that ran out: both consents' end is set to now directly in the database.
  await Consent.updateMany({ spaceId, counsellorId: people.expired.user!.id }, { $set: { until: new Date() } });
  await new Promise((r) => setTimeout(r, 20));
  people.stranger = await person('Stranger');
  people.former = former;
  people.anonymous = new ApiClient(server.baseUrl);
  inviteToken = (await partner.invite(spaceId, 'partner')).token;
});

afterAll(async () => {
  await server?.stop();
});

const NONE = { withdrawn: 404, expired: 404, stranger: 404, former: 404, anonymous: 401 } as const;
const counsellorId = () => people.active.user!.id;

interface Route {
  name: string;
  call: (c: ApiClient) => Promise<{ status: number }>;
  expect: Partial<Record<Who, number>>;
}

const ROUTES: Route[] = [
  { name: 'GET space', call: (c) => c.get(`/api/spaces/${spaceId}`), expect: { partner: 200, pending: 200, active: 200, ...NONE } },
  {
    name: 'POST invites',
    call: (c) => c.post(`/api/spaces/${spaceId}/invites`, { role: 'counsellor' }),
    expect: { partner: 201, pending: 403, active: 403, ...NONE },
  },
  {
    name: 'DELETE invite',
    call: (c) => c.delete(`/api/spaces/${spaceId}/invites/${inviteToken}`),
    expect: { pending: 403, active: 403, ...NONE },
  },
  {
    name: 'DELETE open invite by id',
    call: (c) => c.delete(`/api/spaces/${spaceId}/open-invites/0123456789abcdef01234567`),
    expect: { partner: 404, pending: 403, active: 403, ...NONE },
  },
  {
    name: 'POST consent',
    call: (c) => c.post(`/api/spaces/${spaceId}/counsellors/${counsellorId()}/consent`, { granted: true }),
    expect: { partner: 200, pending: 403, active: 403, ...NONE },
  },
  {
    name: 'GET counsellors',
    call: (c) => c.get(`/api/spaces/${spaceId}/counsellors`),
    expect: { partner: 200, pending: 403, active: 403, ...NONE },
  },
  {
    name: 'POST facilitation',
    call: (c) => c.post(`/api/spaces/${spaceId}/counsellors/${counsellorId()}/facilitation`, { allowed: false }),
    expect: { partner: 200, pending: 403, active: 403, ...NONE },
  },
  { name: 'GET audit', call: (c) => c.get(`/api/spaces/${spaceId}/audit`), expect: { partner: 200, pending: 403, active: 403, ...NONE } },
  {
    name: 'GET export json',
    call: (c) => c.get(`/api/spaces/${spaceId}/export`),
    expect: { partner: 200, pending: 403, active: 200, ...NONE },
  },
  {
    name: 'GET export md',
    call: (c) => c.get(`/api/spaces/${spaceId}/export?format=md`),
    expect: { partner: 200, pending: 403, active: 200, ...NONE },
  },
  {
    name: 'GET deletion',
    call: (c) => c.get(`/api/spaces/${spaceId}/deletion`),
    expect: { partner: 200, pending: 403, active: 403, ...NONE },
  },
  {
    name: 'DELETE deletion',
    call: (c) => c.delete(`/api/spaces/${spaceId}/deletion`),
    expect: { partner: 204, pending: 403, active: 403, ...NONE },
  },
  { name: 'DELETE space', call: (c) => c.delete(`/api/spaces/${spaceId}`), expect: { pending: 403, active: 403, ...NONE } },
  { name: 'POST leave', call: (c) => c.post(`/api/spaces/${spaceId}/leave`), expect: { ...NONE } },
];

describe('REST access matrix', () => {
  for (const route of ROUTES) {
    it(route.name, async () => {
      const got: Partial<Record<Who, number>> = {};
      for (const who of PEOPLE) {
        if (route.expect[who] === undefined) continue;
        got[who] = (await route.call(people[who])).status;
      }
      expect(got).toEqual(route.expect);
    });
  }

  it('lists the space only for partners and counsellors with pending or active access', async () => {
    const listed: Partial<Record<Who, boolean>> = {};
    const dashboard: Partial<Record<Who, string | null>> = {};
    for (const who of PEOPLE.filter((w) => w !== 'anonymous')) {
      listed[who] = (await people[who].get('/api/spaces')).body.spaces.some((s: { id: string }) => s.id === spaceId);
      const mine = (await people[who].get('/api/counsellor/spaces')).body.spaces.find((s: { id: string }) => s.id === spaceId);
      dashboard[who] = mine ? mine.access : null;
    }
    expect(listed).toEqual({
      partner: true,
      pending: true,
      active: true,
      withdrawn: false,
      expired: false,
      stranger: false,
      former: false,
    });
    expect(dashboard).toEqual({
      partner: null,
      pending: 'pending',
      active: 'active',
      withdrawn: null,
      expired: null,
      stranger: null,
      former: null,
    });
  });

  it('still has the space, both partners and an active counsellor after all refused calls', async () => {
    const space = (await people.partner.get(`/api/spaces/${spaceId}`)).body.space;
    expect(space.members.filter((m: { role: string }) => m.role === 'partner')).toHaveLength(2);
    expect((await people.active.get(`/api/spaces/${spaceId}/export`)).status).toBe(200);
  });
});
