import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docNameOf } from '@hearth/shared/realtime';
import { AuditEntry } from '../../server/src/audit/audit.model';
import { Session } from '../../server/src/auth/session.model';
import { User } from '../../server/src/auth/user.model';
import { ExerciseRunModel } from '../../server/src/exercises/exerciseRun.model';
import { Invite } from '../../server/src/spaces/invite.model';
import { Space } from '../../server/src/spaces/space.model';
import { sweepOrphanedSpaceData } from '../../server/src/privacy/orphanSweep';
import { createLogger } from '../../server/src/platform/logger';
import { ApiClient, makeCouple, makeCoupleWithCounsellor } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/server';
import { actor, addExperience, storedDocCount, writeNotes } from './privacy-fixtures/boardDocs';

let server: TestServer;
const PASSWORD = 'correct horse battery';

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

/** Fills every document kind of a space, plus an open invite, an exercise and an audit entry. */
async function fillSpace(couple: Awaited<ReturnType<typeof makeCoupleWithCounsellor>>) {
  const spaceId = couple.space.id;
  const a = couple.a.user!.id;
  const b = couple.b.user!.id;
  const who = actor(a, [a, b]);
  await addExperience(docNameOf({ kind: 'space', spaceId }), who, 'shared');
  await addExperience(docNameOf({ kind: 'couple', spaceId }), who, 'couple');
  await addExperience(docNameOf({ kind: 'private', spaceId, userId: a }), who, 'mine');
  await addExperience(docNameOf({ kind: 'private', spaceId, userId: b }), actor(b, [a, b]), 'theirs');
  await writeNotes(docNameOf({ kind: 'notes', spaceId, userId: couple.c.user!.id }), 'notes');
  await couple.a.invite(spaceId, 'partner').catch(() => undefined);
  await couple.a.invite(spaceId, 'counsellor');
  await ExerciseRunModel.create({
    spaceId,
    kind: 'checkin',
    contentVersion: 1,
    status: 'ended',
    activeKey: `ended-${spaceId}`,
    phase: 'done',
    paused: false,
    participants: [a, b],
    startedBy: a,
    startedAt: Date.now(),
    data: { answers: [] },
    rev: 1,
  });
  expect((await couple.c.get(`/api/spaces/${spaceId}/export`)).status).toBe(200); // leaves an audit entry
  // Every kind of row exists before the erasure under test, so "gone" below means something.
  expect(await storedDocCount(new RegExp(spaceId))).toBeGreaterThanOrEqual(5);
  expect(await Invite.countDocuments({ spaceId })).toBeGreaterThan(0);
  expect(await AuditEntry.countDocuments({ spaceId })).toBe(1);
}

async function expectSpaceGone(spaceId: string) {
  expect(await Space.countDocuments({ _id: spaceId })).toBe(0);
  expect(await storedDocCount(new RegExp(spaceId))).toBe(0);
  expect(await Invite.countDocuments({ spaceId })).toBe(0);
  expect(await ExerciseRunModel.countDocuments({ spaceId })).toBe(0);
  expect(await AuditEntry.countDocuments({ spaceId })).toBe(0);
}

describe('DELETE /api/me', () => {
  it('needs the right password and a well-formed body', async () => {
    const { a } = await makeCouple(server.baseUrl);
    expect((await a.delete('/api/me', { password: 'wrong password!' })).status).toBe(401);
    expect((await a.delete('/api/me', {})).status).toBe(400);
    expect((await a.delete('/api/me', { password: PASSWORD, extra: 1 })).status).toBe(400);
    expect((await new ApiClient(server.baseUrl).delete('/api/me', { password: PASSWORD })).status).toBe(401);
    expect((await a.get('/api/me')).status).toBe(200);
  });

  it('stops password guessing after five wrong tries (429), even with the right one', async () => {
    const { a } = await makeCouple(server.baseUrl);
    for (let i = 0; i < 5; i++) expect((await a.delete('/api/me', { password: `wrong password ${i}` })).status).toBe(401);
    const blocked = await a.delete('/api/me', { password: PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('rate_limited');
    expect((await a.get('/api/me')).status).toBe(200);
  });

  it("purges the user's private documents, sessions, invites and account; shared items stay for the partner", async () => {
    const couple = await makeCoupleWithCounsellor(server.baseUrl);
    const spaceId = couple.space.id;
    const a = couple.a.user!.id;
    const b = couple.b.user!.id;
    await fillSpace(couple);
    const otherSpace = await couple.a.createSpace('Alone');
    await addExperience(docNameOf({ kind: 'private', spaceId: otherSpace.id, userId: a }), actor(a, [a]), 'elsewhere');
    const secondLogin = new ApiClient(server.baseUrl);
    expect((await secondLogin.post('/api/auth/login', { email: await emailOf(a), password: PASSWORD })).status).toBe(200);

    const res = await couple.a.delete('/api/me', { password: PASSWORD });
    expect(res.status).toBe(204);

    expect((await couple.a.get('/api/me')).status).toBe(401);
    expect((await secondLogin.get('/api/me')).status).toBe(401);
    expect(await User.countDocuments({ _id: a })).toBe(0);
    expect(await Session.countDocuments({ userId: a })).toBe(0);
    expect(await Invite.countDocuments({ createdBy: a })).toBe(0);
    expect(await storedDocCount(new RegExp(`^private:[a-f0-9]{24}:${a}$`))).toBe(0);
    // The space where A was the only partner is gone entirely.
    await expectSpaceGone(otherSpace.id);

    // B keeps the space, the shared boards and their own private board.
    const space = (await couple.b.get(`/api/spaces/${spaceId}`)).body.space;
    expect(space.members.map((m: any) => m.userId)).not.toContain(a);
    const exported = (await couple.b.get(`/api/spaces/${spaceId}/export`)).body;
    const shared = exported.boards.find((x: any) => x.visibility === 'space').items;
    expect(shared).toHaveLength(1);
    expect(shared[0].createdBy).toBe(a);
    expect(exported.boards.find((x: any) => x.visibility === 'private').items[0].title).toBe('theirs');
    expect(await storedDocCount(new RegExp(`^private:${spaceId}:${b}$`))).toBeGreaterThan(0);
    // A partner leaving ends counsellor access until the partner who remains consents again.
    expect((await couple.c.get(`/api/spaces/${spaceId}/export`)).status).toBe(403);
    expect((await couple.b.post(`/api/spaces/${spaceId}/counsellors/${couple.c.user!.id}/consent`, { granted: true })).status).toBe(200);
    expect((await couple.c.get(`/api/spaces/${spaceId}/export`)).status).toBe(200);
  });
});

async function emailOf(userId: string): Promise<string> {
  return (await User.findById(userId).lean())!.email;
}

describe('DELETE /api/spaces/:spaceId', () => {
  it('waits for the other partner, then deletes every document, invite, exercise and audit entry', async () => {
    const couple = await makeCoupleWithCounsellor(server.baseUrl);
    const spaceId = couple.space.id;
    await fillSpace(couple);

    const first = await couple.a.delete(`/api/spaces/${spaceId}`);
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ pending: true, requestedBy: [couple.a.user!.id] });
    expect((await couple.b.get(`/api/spaces/${spaceId}/deletion`)).body.requestedBy).toEqual([couple.a.user!.id]);
    expect((await couple.c.delete(`/api/spaces/${spaceId}`)).status).toBe(403);
    expect((await couple.a.delete(`/api/spaces/${spaceId}`)).status).toBe(202);
    expect(await Space.countDocuments({ _id: spaceId })).toBe(1);

    expect((await couple.b.delete(`/api/spaces/${spaceId}`)).status).toBe(204);
    await expectSpaceGone(spaceId);
    for (const who of [couple.a, couple.b, couple.c]) expect((await who.get(`/api/spaces/${spaceId}`)).status).toBe(404);
  });

  it('can be cancelled by the partner who asked', async () => {
    const couple = await makeCouple(server.baseUrl);
    const spaceId = couple.space.id;
    expect((await couple.a.delete(`/api/spaces/${spaceId}`)).status).toBe(202);
    expect((await couple.a.delete(`/api/spaces/${spaceId}/deletion`)).status).toBe(204);
    expect((await couple.b.get(`/api/spaces/${spaceId}/deletion`)).body.requestedBy).toEqual([]);
    expect((await couple.b.delete(`/api/spaces/${spaceId}`)).status).toBe(202);
  });

  it('deletes at once when there is only one partner', async () => {
    const solo = new ApiClient(server.baseUrl);
    await solo.signup('Solo');
    const space = await solo.createSpace('Just me');
    await addExperience(docNameOf({ kind: 'couple', spaceId: space.id }), actor(solo.user!.id, [solo.user!.id]), 'x');
    expect((await solo.delete(`/api/spaces/${space.id}`)).status).toBe(204);
    await expectSpaceGone(space.id);
  });

  it('happens when the last partner leaves', async () => {
    const couple = await makeCoupleWithCounsellor(server.baseUrl);
    await fillSpace(couple);
    expect((await couple.b.post(`/api/spaces/${couple.space.id}/leave`)).status).toBe(204);
    expect(await Space.countDocuments({ _id: couple.space.id })).toBe(1);
    expect((await couple.a.post(`/api/spaces/${couple.space.id}/leave`)).status).toBe(204);
    await expectSpaceGone(couple.space.id);
    expect((await couple.c.get(`/api/spaces/${couple.space.id}`)).status).toBe(404);
  });

  it('answers 404 to strangers and malformed ids', async () => {
    const couple = await makeCouple(server.baseUrl);
    const stranger = new ApiClient(server.baseUrl);
    await stranger.signup('Stranger');
    expect((await stranger.delete(`/api/spaces/${couple.space.id}`)).status).toBe(404);
    expect((await couple.a.delete('/api/spaces/not-an-id')).status).toBe(404);
  });

  it('finishes an interrupted deletion: data of a space that no longer exists is swept', async () => {
    const couple = await makeCoupleWithCounsellor(server.baseUrl);
    const kept = await makeCouple(server.baseUrl);
    await fillSpace(couple);
    const a = kept.a.user!.id;
    await addExperience(docNameOf({ kind: 'couple', spaceId: kept.space.id }), actor(a, [a, kept.b.user!.id]), 'stays');
    // A crash right after the space row went: everything else is still there.
    await Space.deleteOne({ _id: couple.space.id });

    const swept = await sweepOrphanedSpaceData({ logger: createLogger('silent'), stored: server.hearth.storedDocs });
    expect(swept).toContain(couple.space.id);
    expect(swept).not.toContain(kept.space.id);
    await expectSpaceGone(couple.space.id);
    expect(await storedDocCount(new RegExp(kept.space.id))).toBeGreaterThan(0);
  });
});
