import { randomBytes } from 'node:crypto';
import { addCardComment, createCard, setArchived } from '@hearth/shared/board';
import { docNameOf } from '@hearth/shared/realtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntry } from '../../server/src/audit/audit.model';
import { SignInEvent } from '../../server/src/auth/signInEvent.model';
import { ExerciseRunModel } from '../../server/src/exercises/exerciseRun.model';
import { createLogger } from '../../server/src/platform/logger';
import { sweepRetention } from '../../server/src/privacy/retention';
import { Invite } from '../../server/src/spaces/invite.model';
import { Space } from '../../server/src/spaces/space.model';
import { makeCouple, makeCoupleWithCounsellor } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/server';
import { connectSocket, waitFor } from '../helpers/socket';
import { actor, addCard, addExperience, storedDocCount, writeDoc } from './privacy-fixtures/boardDocs';
import { createMongoCollabStore } from '../../server/src/collab';
import { createStoredDocs } from '../../server/src/privacy/storedDocs';

const collabStore = createMongoCollabStore();
const { readStoredDoc } = createStoredDocs(collabStore);

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

/** A couple where A wrote on every board and commented on B's card. */
async function coupleWithWords() {
  const couple = await makeCoupleWithCounsellor(server.baseUrl);
  const spaceId = couple.space.id;
  const [a, b] = [couple.a.user!.id, couple.b.user!.id];
  const tag = randomBytes(4).toString('hex');
  const ids = {
    aCouple: await addCard(docNameOf({ kind: 'couple', spaceId }), actor(a, [a, b]), `a-couple-${tag}`),
    aShared: await addExperience(docNameOf({ kind: 'space', spaceId }), actor(a, [a, b]), `a-shared-${tag}`),
    aPrivate: await addCard(docNameOf({ kind: 'private', spaceId, userId: a }), actor(a, [a, b]), `a-private-${tag}`),
    bCouple: '',
  };
  await writeDoc(docNameOf({ kind: 'couple', spaceId }), (doc) => {
    ids.bCouple = createCard(doc, actor(b, [a, b]), { cardType: 'boundary', statement: `b-couple-${tag}` });
    addCardComment(doc, actor(a, [a, b]), { itemId: ids.bCouple, text: `a-comment-${tag}` });
  });
  return { ...couple, spaceId, ids, tag, aId: a, bId: b };
}

async function storedText(name: string): Promise<string> {
  const doc = await readStoredDoc(name);
  const text = JSON.stringify(doc.getMap('items').toJSON());
  doc.destroy();
  return text;
}

describe('leaving safely', () => {
  it("deletes what they wrote, erases their 'only me' board, leaves, and tells the partner only that they left", async () => {
    const { a, b, spaceId, ids, tag, aId } = await coupleWithWords();
    const socketB = await connectSocket(server.baseUrl, b.cookie);
    const seenByB: string[] = [];
    socketB.onAny((event: string) => seenByB.push(event));
    expect((await socketB.emitWithAck('space:join', { spaceId })).ok).toBe(true);

    const res = await a.post(`/api/spaces/${spaceId}/leave-safely`, { sharedItems: 'delete' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ removed: 2, rewritten: 1 });

    const couple = await storedText(docNameOf({ kind: 'couple', spaceId }));
    expect(couple).not.toContain(`a-couple-${tag}`);
    expect(couple).not.toContain(`a-comment-${tag}`);
    expect(couple).toContain(`b-couple-${tag}`);
    expect(await storedText(docNameOf({ kind: 'space', spaceId }))).not.toContain(ids.aShared);
    expect(await storedDocCount(new RegExp(`^private:${spaceId}:${aId}$`))).toBe(0);
    expect((await a.get(`/api/spaces/${spaceId}`)).status).toBe(404);
    expect((await b.get(`/api/spaces/${spaceId}`)).body.space.members.map((m: { userId: string }) => m.userId)).not.toContain(aId);

    await waitFor(() => seenByB.includes('space:changed'), 5000, 'B told of the membership change');
    expect(seenByB.filter((e) => e !== 'space:changed')).toEqual([]);
    socketB.close();
  });

  it('anonymise keeps their words on the shared boards with no trace of their account', async () => {
    const { a, spaceId, tag, aId } = await coupleWithWords();
    expect((await a.post(`/api/spaces/${spaceId}/leave-safely`, { sharedItems: 'anonymise' })).status).toBe(200);
    const couple = await storedText(docNameOf({ kind: 'couple', spaceId }));
    expect(couple).toContain(`a-couple-${tag}`);
    expect(couple).toContain(`a-comment-${tag}`);
    expect(couple).not.toContain(aId);
  });

  it('refuses a counsellor and a bad choice, and is idempotent under simultaneous requests (10 trials)', async () => {
    const { c, a, spaceId } = await coupleWithWords();
    expect((await c.post(`/api/spaces/${spaceId}/leave-safely`, { sharedItems: 'keep' })).status).toBe(403);
    const bad = await a.post(`/api/spaces/${spaceId}/leave-safely`, { sharedItems: 'burn' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_input');

    for (let trial = 0; trial < 10; trial++) {
      const { a: leaver, spaceId: sid, bId } = await coupleWithWords();
      const results = await Promise.all(
        Array.from({ length: 3 }, () => leaver.post(`/api/spaces/${sid}/leave-safely`, { sharedItems: 'delete' })),
      );
      expect(results.some((r) => r.status === 200)).toBe(true);
      for (const r of results) expect([200, 404, 409]).toContain(r.status);
      const space = await Space.findById(sid).lean();
      expect(space?.members.filter((m) => m.role === 'partner').map((m) => m.userId.toString())).toEqual([bId]);
      expect(space?.partnerCount).toBe(1);
    }
  });
});

describe('deleting one exercise session', () => {
  it('lets either partner delete an ended session once, and nobody else', async () => {
    const { a, b, c, space } = await makeCoupleWithCounsellor(server.baseUrl);
    for (let trial = 0; trial < 10; trial++) {
      const row = await ExerciseRunModel.create({
        spaceId: space.id,
        kind: 'question_deck',
        contentVersion: 1,
        status: 'ended',
        activeKey: randomBytes(12).toString('hex'),
        phase: 'ended',
        paused: false,
        participants: [a.user!.id, b.user!.id],
        startedBy: a.user!.id,
        startedAt: Date.now(),
        endedAt: Date.now(),
        endedReason: 'ended',
        endedBy: a.user!.id,
        data: {},
        rev: 2,
      });
      const path = `/api/spaces/${space.id}/exercises/${row._id.toString()}`;
      if (trial === 0) expect((await c.delete(path)).status).toBe(403);
      const results = await Promise.all([a, b, a, b].map((p) => p.delete(path)));
      expect(results.filter((r) => r.status === 204).length).toBeGreaterThanOrEqual(1);
      for (const r of results) expect([204, 404]).toContain(r.status);
      expect(await ExerciseRunModel.exists({ _id: row._id })).toBeNull();
    }
  });
});

describe('the retention sweep', () => {
  it('deletes what is past its time and keeps the rest', async () => {
    const { a, b, space } = await makeCouple(server.baseUrl);
    const spaceId = space.id;
    const now = new Date();
    const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
    const exercise = (endedAt: number, data: unknown = {}) =>
      ExerciseRunModel.create({
        spaceId,
        kind: 'checkin',
        contentVersion: 1,
        status: 'ended',
        activeKey: randomBytes(12).toString('hex'),
        phase: 'ended',
        paused: false,
        participants: [a.user!.id, b.user!.id],
        startedBy: a.user!.id,
        startedAt: endedAt - 1000,
        endedAt,
        endedReason: 'ended',
        endedBy: a.user!.id,
        data,
        rev: 2,
      });
    const oldExercise = await exercise(daysAgo(400).getTime());
    const leaky = await exercise(daysAgo(3).getTime(), { answers: [{ userId: b.user!.id, need: 'secret' }], revealedAt: null });
    const oldAudit = await AuditEntry.create({ spaceId, at: daysAgo(800), actorId: 'x', action: 'export', target: 'export:json' });
    const newAudit = await AuditEntry.create({ spaceId, at: daysAgo(10), actorId: 'x', action: 'export', target: 'export:json' });
    const oldSignIn = await SignInEvent.create({ userId: a.user!.id, sessionId: 'x', device: 'Old', at: daysAgo(100) });
    const invite = await a.invite(spaceId, 'counsellor');
    await Invite.updateOne({ spaceId, role: 'counsellor' }, { $set: { usedAt: daysAgo(40) } });

    const name = docNameOf({ kind: 'couple', spaceId });
    const ids = { old: '', recent: '' };
    await server.hearth.collab.withDoc(name, (doc) => {
      const who = actor(a.user!.id, [a.user!.id, b.user!.id]);
      ids.old = createCard(doc, who, { cardType: 'need', statement: 'archived long ago' });
      ids.recent = createCard(doc, who, { cardType: 'need', statement: 'archived last week' });
      setArchived(doc, who, { itemId: ids.old, archived: true }, { now: daysAgo(400) });
      setArchived(doc, who, { itemId: ids.recent, archived: true }, { now: daysAgo(7) });
    });

    const counts = await sweepRetention(
      {
        logger: createLogger('silent'),
        withDoc: (n, fn) => server.hearth.collab.withDoc(n, fn, 'retention'),
        stored: server.hearth.storedDocs,
      },
      now,
    );
    expect(counts.exercises).toBeGreaterThanOrEqual(1);
    expect(await ExerciseRunModel.exists({ _id: oldExercise._id })).toBeNull();
    expect(JSON.stringify(await ExerciseRunModel.findById(leaky._id).lean())).not.toContain('secret');
    expect(await AuditEntry.exists({ _id: oldAudit._id })).toBeNull();
    expect(await AuditEntry.exists({ _id: newAudit._id })).not.toBeNull();
    expect(await SignInEvent.exists({ _id: oldSignIn._id })).toBeNull();
    expect(await Invite.exists({ spaceId, role: 'counsellor' })).toBeNull();
    expect(invite.token).toBeTruthy();
    const kept = await server.hearth.collab.withDoc(name, (doc) => [...doc.getMap('items').keys()]);
    expect(kept).toContain(ids.recent);
    expect(kept).not.toContain(ids.old);
  });
});
