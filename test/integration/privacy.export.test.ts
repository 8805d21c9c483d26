import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docNameOf } from '@hearth/shared/realtime';
import { ApiClient, makeCoupleWithCounsellor } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/server';
import { actor, addAppreciation, addCard, addExperience, writeNotes } from './privacy-fixtures/boardDocs';

let server: TestServer;
let couple: Awaited<ReturnType<typeof makeCoupleWithCounsellor>>;
const tag = () => randomBytes(5).toString('hex');
const words = {
  space: `shared-${tag()}`,
  couple: `couple-${tag()}`,
  privA: `privA-${tag()}`,
  privB: `privB-${tag()}`,
  notes: `notes-${tag()}`,
};
const ids: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer();
  couple = await makeCoupleWithCounsellor(server.baseUrl);
  const spaceId = couple.space.id;
  const a = couple.a.user!.id;
  const b = couple.b.user!.id;
  const partners = [a, b];
  ids.space = await addExperience(docNameOf({ kind: 'space', spaceId }), actor(a, partners), words.space);
  ids.couple = await addCard(docNameOf({ kind: 'couple', spaceId }), actor(b, partners), words.couple);
  ids.coupleThanks = await addAppreciation(docNameOf({ kind: 'couple', spaceId }), actor(a, partners), b, `thanks ${words.couple}`);
  ids.privA = await addExperience(docNameOf({ kind: 'private', spaceId, userId: a }), actor(a, partners), words.privA);
  ids.privB = await addCard(docNameOf({ kind: 'private', spaceId, userId: b }), actor(b, partners), words.privB);
  await writeNotes(docNameOf({ kind: 'notes', spaceId, userId: couple.c.user!.id }), `Session plan: ${words.notes}`);
});

afterAll(async () => {
  await server?.stop();
});

async function exportOf(client: ApiClient, format = 'json') {
  return client.get(`/api/spaces/${couple.space.id}/export?format=${format}`);
}

function itemIds(body: any, visibility: string): string[] {
  return (
    body.boards
      .find((b: any) => b.visibility === visibility)
      ?.items.map((i: any) => i.id)
      .sort() ?? []
  );
}

describe('export', () => {
  it("gives a partner the shared, couple and their own private items, and nothing of their partner's private board", async () => {
    const res = await exportOf(couple.a);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="hearth-.*\.json"/);
    const body = res.body;
    expect(body.format).toBe('hearth-export');
    expect(body.exportedBy).toMatchObject({ id: couple.a.user!.id, role: 'partner' });
    expect(body.boards.map((b: any) => b.visibility).sort()).toEqual(['couple', 'private', 'space']);
    expect(itemIds(body, 'space')).toEqual([ids.space]);
    expect(itemIds(body, 'couple')).toEqual([ids.couple, ids.coupleThanks].sort());
    expect(itemIds(body, 'private')).toEqual([ids.privA]);
    const text = JSON.stringify(body);
    expect(text).toContain(words.privA);
    expect(text).not.toContain(words.privB);
    expect(text).not.toContain(words.notes);
    expect(body.notes).toBeNull();
    expect(body.space.members.map((m: any) => m.role).sort()).toEqual(['counsellor', 'partner', 'partner']);
  });

  it('gives the other partner their own private items instead', async () => {
    const body = (await exportOf(couple.b)).body;
    expect(itemIds(body, 'private')).toEqual([ids.privB]);
    expect(JSON.stringify(body)).not.toContain(words.privA);
  });

  it('gives an active counsellor the shared board and their notes only, and logs one audit entry without content', async () => {
    const before = (await couple.a.get(`/api/spaces/${couple.space.id}/audit`)).body.entries.length;
    const res = await exportOf(couple.c);
    expect(res.status).toBe(200);
    const body = res.body;
    expect(body.boards.map((b: any) => b.visibility)).toEqual(['space']);
    expect(itemIds(body, 'space')).toEqual([ids.space]);
    expect(body.notes.text).toContain(words.notes);
    expect(body.exercises).toEqual([]);
    expect(body.audit).toEqual([]);
    const text = JSON.stringify(body);
    for (const secret of [words.couple, words.privA, words.privB]) expect(text).not.toContain(secret);

    const entries = (await couple.b.get(`/api/spaces/${couple.space.id}/audit`)).body.entries;
    expect(entries).toHaveLength(before + 1);
    const entry = entries.at(-1);
    expect(Object.keys(entry).sort()).toEqual(['action', 'actorId', 'at', 'target']);
    expect(entry).toMatchObject({ actorId: couple.c.user!.id, action: 'export', target: 'export:json' });
    expect(JSON.stringify(entries)).not.toContain(words.space);
  });

  it("does not audit a partner's own export", async () => {
    const before = (await couple.a.get(`/api/spaces/${couple.space.id}/audit`)).body.entries.length;
    await exportOf(couple.a);
    await exportOf(couple.b, 'md');
    expect((await couple.a.get(`/api/spaces/${couple.space.id}/audit`)).body.entries).toHaveLength(before);
  });

  it('renders a readable Markdown summary of the same content', async () => {
    const res = await couple.a.request('GET', `/api/spaces/${couple.space.id}/export?format=md`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/markdown/);
    const md = res.body as string;
    expect(md).toMatch(/^# Alex & Sam/);
    expect(md).toContain('## Just us');
    expect(md).toContain('## Only me');
    expect(md).toContain(words.space);
    expect(md).toContain(words.couple);
    expect(md).toContain(words.privA);
    expect(md).not.toContain(words.privB);
    expect(md).toContain('Sam');

    const counsellorMd = (await exportOf(couple.c, 'md')).body as string;
    expect(counsellorMd).toContain(words.space);
    expect(counsellorMd).toContain(words.notes);
    expect(counsellorMd).not.toContain(words.couple);
    expect(counsellorMd).not.toContain('## Only me');
  });

  it('refuses unknown formats, strangers and logged-out requests', async () => {
    expect((await exportOf(couple.a, 'xml')).status).toBe(400);
    const stranger = new ApiClient(server.baseUrl);
    await stranger.signup('Stranger');
    expect((await exportOf(stranger)).status).toBe(404);
    expect((await exportOf(new ApiClient(server.baseUrl))).status).toBe(401);
  });

  it('refuses a counsellor whose access is pending (403) and one whose access was withdrawn (404)', async () => {
    const c2 = new ApiClient(server.baseUrl);
    await c2.signup('Dr Pending');
    await c2.accept((await couple.a.invite(couple.space.id, 'counsellor')).token);
    expect((await exportOf(c2)).status).toBe(403);
    await couple.a.post(`/api/spaces/${couple.space.id}/counsellors/${c2.user!.id}/consent`, { granted: false });
    expect((await exportOf(c2)).status).toBe(404);
  });
});
