import { HearthEvents } from '../../server/src/platform/events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docNameOf, parseDocName } from '@hearth/shared/realtime';
import { createAuditLog } from '../../server/src/audit/audit.service';
import { createCounsellorAuditor } from '../../server/src/counsellor/auditHooks';
import { counsellorCanFacilitate } from '../../server/src/counsellor/facilitation.service';
import { createLogger } from '../../server/src/platform/logger';
import { ApiClient, makeCouple, makeCoupleWithCounsellor } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/server';
import { actor, addExperience } from './privacy-fixtures/boardDocs';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

async function pendingCounsellor(a: ApiClient, spaceId: string, name = 'Dr Pending'): Promise<ApiClient> {
  const c = new ApiClient(server.baseUrl);
  await c.signup(name);
  await c.accept((await a.invite(spaceId, 'counsellor')).token);
  return c;
}

describe('counsellor dashboard', () => {
  it('lists active and pending spaces with last activity, never withdrawn ones', async () => {
    const couple = await makeCoupleWithCounsellor(server.baseUrl);
    const other = await makeCouple(server.baseUrl);
    const pendingInvite = await other.a.invite(other.space.id, 'counsellor');
    await couple.c.accept(pendingInvite.token);
    await other.a.post(`/api/spaces/${other.space.id}/counsellors/${couple.c.user!.id}/consent`, { granted: true });

    let spaces = (await couple.c.get('/api/counsellor/spaces')).body.spaces;
    expect(spaces.map((s: any) => [s.id, s.access]).sort()).toEqual(
      [
        [couple.space.id, 'active'],
        [other.space.id, 'pending'],
      ].sort(),
    );
    const pending = spaces.find((s: any) => s.id === other.space.id);
    // A counsellor learns that access is pending, never which partner has not consented.
    expect(pending.partners.map((p: any) => p.displayName).sort()).toEqual(['Alex', 'Sam']);
    expect(pending.partners.every((p: any) => !('consented' in p))).toBe(true);
    expect(pending.lastActivityAt).toBeNull();
    expect(spaces.find((s: any) => s.id === couple.space.id).lastActivityAt).toBeNull();

    const a = couple.a.user!.id;
    await addExperience(docNameOf({ kind: 'space', spaceId: couple.space.id }), actor(a, [a, couple.b.user!.id]), 'walk');
    spaces = (await couple.c.get('/api/counsellor/spaces')).body.spaces;
    const active = spaces.find((s: any) => s.id === couple.space.id);
    expect(Date.parse(active.lastActivityAt)).toBeGreaterThan(Date.now() - 60_000);

    await couple.b.post(`/api/spaces/${couple.space.id}/counsellors/${couple.c.user!.id}/consent`, { granted: false });
    spaces = (await couple.c.get('/api/counsellor/spaces')).body.spaces;
    expect(spaces.map((s: any) => s.id)).toEqual([other.space.id]);
    expect((await couple.a.get('/api/counsellor/spaces')).body.spaces).toEqual([]);
    expect((await new ApiClient(server.baseUrl).get('/api/counsellor/spaces')).status).toBe(401);
  });
});

describe('counsellors of a space and facilitation', () => {
  it('shows partners each counsellor with consent and facilitation, and hides it from counsellors', async () => {
    const couple = await makeCoupleWithCounsellor(server.baseUrl);
    const list = (await couple.b.get(`/api/spaces/${couple.space.id}/counsellors`)).body.counsellors;
    expect(list).toEqual([
      expect.objectContaining({ userId: couple.c.user!.id, displayName: 'Dr Rivera', access: 'active', canFacilitate: false }),
    ]);
    expect((await couple.c.get(`/api/spaces/${couple.space.id}/counsellors`)).status).toBe(403);
  });

  it('lets either partner allow or stop facilitation, effective only while access is active', async () => {
    const couple = await makeCoupleWithCounsellor(server.baseUrl);
    const { space, a, b, c } = couple;
    const path = `/api/spaces/${space.id}/counsellors/${c.user!.id}/facilitation`;
    expect(await counsellorCanFacilitate(space.id, c.user!.id)).toBe(false);

    const on = await a.post(path, { allowed: true });
    expect(on.status).toBe(200);
    expect(on.body.counsellor).toMatchObject({ userId: c.user!.id, canFacilitate: true, access: 'active' });
    expect(await counsellorCanFacilitate(space.id, c.user!.id)).toBe(true);

    expect((await b.post(path, { allowed: false })).body.counsellor.canFacilitate).toBe(false);
    expect(await counsellorCanFacilitate(space.id, c.user!.id)).toBe(false);

    expect((await c.post(path, { allowed: true })).status).toBe(403);
    expect((await a.post(path, { allowed: 'yes' })).status).toBe(400);
    expect((await a.post(path, {})).status).toBe(400);
    expect((await a.post(`/api/spaces/${space.id}/counsellors/${a.user!.id}/facilitation`, { allowed: true })).status).toBe(404);

    // A pending counsellor may be allowed in advance, but facilitates only once active.
    const p = await pendingCounsellor(a, space.id);
    expect((await a.post(`/api/spaces/${space.id}/counsellors/${p.user!.id}/facilitation`, { allowed: true })).status).toBe(200);
    expect(await counsellorCanFacilitate(space.id, p.user!.id)).toBe(false);
    await b.post(`/api/spaces/${space.id}/counsellors/${p.user!.id}/consent`, { granted: true });
    await a.post(`/api/spaces/${space.id}/counsellors/${p.user!.id}/consent`, { granted: true });
    expect(await counsellorCanFacilitate(space.id, p.user!.id)).toBe(true);

    await a.post(`/api/spaces/${space.id}/counsellors/${p.user!.id}/consent`, { granted: false });
    expect(await counsellorCanFacilitate(space.id, p.user!.id)).toBe(false);
    expect((await a.post(`/api/spaces/${space.id}/counsellors/${p.user!.id}/facilitation`, { allowed: true })).status).toBe(409);
  });
});

describe('audit log', () => {
  it('is readable by partners only', async () => {
    const couple = await makeCoupleWithCounsellor(server.baseUrl);
    const path = `/api/spaces/${couple.space.id}/audit`;
    expect((await couple.a.get(path)).body).toEqual({ entries: [] });
    expect((await couple.c.get(path)).status).toBe(403);
    const stranger = new ApiClient(server.baseUrl);
    await stranger.signup('Stranger');
    expect((await stranger.get(path)).status).toBe(404);
  });

  it('records exactly one entry per counsellor access, of the right kind and without content, and nothing for partners', async () => {
    const couple = await makeCoupleWithCounsellor(server.baseUrl);
    const spaceId = couple.space.id;
    const auditor = createCounsellorAuditor(
      createAuditLog(createLogger('silent'), new HearthEvents()),
      new HearthEvents(),
      createLogger('silent'),
    );
    const c = couple.c.user!.id;
    const spaceDoc = parseDocName(docNameOf({ kind: 'space', spaceId }))!;
    const notesDoc = parseDocName(docNameOf({ kind: 'notes', spaceId, userId: c }))!;
    // As the collab server does: authorize (the entry is written first), then opened.
    const open = async (user: { id: string }, parsed: typeof spaceDoc, role: 'partner' | 'counsellor') => {
      const grant = { role, spaceId, mode: 'read' as const };
      expect(await auditor.authorizeAudited(async () => grant)(user, parsed)).toEqual(grant);
      auditor.documentOpened({ user, parsed, grant });
      // A later access re-check of the same connection writes nothing more.
      await auditor.authorizeAudited(async () => grant)(user, parsed);
    };
    const counsellor = { id: c };
    await open(counsellor, spaceDoc, 'counsellor');
    await open(counsellor, notesDoc, 'counsellor');
    auditor.documentClosed({ user: counsellor, parsed: spaceDoc, grant: { role: 'counsellor', spaceId } });
    auditor.exerciseObserved({ spaceId, userId: c, role: 'counsellor', exerciseId: 'e1' });
    await open({ id: couple.a.user!.id }, spaceDoc, 'partner');
    auditor.exerciseObserved({ spaceId, userId: couple.a.user!.id, role: 'partner', exerciseId: 'e1' });
    await couple.c.get(`/api/spaces/${spaceId}/export?format=md`);

    const expected = [
      ['document.opened', `space:${spaceId}`],
      ['document.opened', `notes:${spaceId}:${c}`],
      ['document.closed', `space:${spaceId}`],
      ['exercise.observed', 'exercise:e1'],
      ['export', 'export:md'],
    ];
    let entries: any[] = [];
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      entries = (await couple.a.get(`/api/spaces/${spaceId}/audit`)).body.entries;
      if (entries.length >= expected.length) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(entries.map((e) => [e.action, e.target]).sort()).toEqual(expected.sort());
    for (const e of entries) {
      expect(e.actorId).toBe(c);
      expect(Object.keys(e).sort()).toEqual(['action', 'actorId', 'at', 'target']);
    }
  });

  it('offers no way to change or delete entries', async () => {
    const couple = await makeCoupleWithCounsellor(server.baseUrl);
    const path = `/api/spaces/${couple.space.id}/audit`;
    await couple.c.get(`/api/spaces/${couple.space.id}/export`);
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      expect((await couple.a.request(method, path, {})).status).toBe(404);
    }
    expect((await couple.a.get(path)).body.entries).toHaveLength(1);
  });
});
