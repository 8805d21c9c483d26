import { randomBytes } from 'node:crypto';
import type { ExerciseSummary } from '@hearth/shared/exercises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ExerciseRunModel } from '../../server/src/exercises/exerciseRun.model';
import { ExercisePlayer } from '../helpers/exercisePlayer';
import { makeCoupleWithCounsellor, type ApiClient } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/server';

// Exercise answers and history reach only the people they were shared with (issue: privacy
// bugs 1 and 2), on the real server and the embedded database.
let server: TestServer;
const players: ExercisePlayer[] = [];
beforeAll(async () => {
  server = await startTestServer();
});
afterEach(() => {
  for (const p of players.splice(0)) p.close();
});
afterAll(async () => {
  await server.stop();
});

async function player(api: ApiClient, spaceId: string): Promise<ExercisePlayer> {
  const p = new ExercisePlayer(server.baseUrl, api.cookie, api.user!.displayName);
  players.push(p);
  await p.connected();
  const joined = await p.emit('exercise:join', { spaceId });
  if (!joined.ok) throw new Error(`join failed: ${joined.error.code}`);
  return p;
}

/** `p` starts; both partners confirm the "ready?" step. */
async function start(p: ExercisePlayer, partner: ExercisePlayer, spaceId: string, kind: string): Promise<string> {
  return (await p.startWith(partner, { spaceId, kind })).sessionId;
}

async function history(p: ExercisePlayer, spaceId: string): Promise<ExerciseSummary[]> {
  const res = await p.emit('exercise:history', { spaceId });
  if (!res.ok) throw new Error(`history failed: ${res.error.code}`);
  return res.sessions as ExerciseSummary[];
}

describe('a check-in ended before the reveal', () => {
  it("keeps B's answer out of A's export, A's history and the database", async () => {
    const { a, b, space } = await makeCoupleWithCounsellor(server.baseUrl);
    const secret = `need-${randomBytes(6).toString('hex')}`;
    const [pa, pb] = [await player(a, space.id), await player(b, space.id)];
    const sessionId = await start(pa, pb, space.id, 'checkin');
    await pb.act(sessionId, 'submit', { mood: 1, feelings: ['scared'], need: secret, note: `${secret}-note` });
    await pa.act(sessionId, 'end');

    const exported = await a.get(`/api/spaces/${space.id}/export?format=json`);
    expect(exported.status).toBe(200);
    expect(JSON.stringify(exported.body)).not.toContain(secret);
    expect(exported.body.exercises.map((e: { id: string }) => e.id)).toContain(sessionId);
    const markdown = await a.get(`/api/spaces/${space.id}/export?format=md`);
    expect(String(markdown.body)).not.toContain(secret);
    expect(JSON.stringify(await history(pa, space.id))).not.toContain(secret);
    // Discarded, not just hidden: B's own export no longer has it either.
    const stored = await ExerciseRunModel.findById(sessionId).lean();
    expect(JSON.stringify(stored)).not.toContain(secret);
  });

  it('never exports an unrevealed answer stored by an older version to the partner, only to its author', async () => {
    const { a, b, space } = await makeCoupleWithCounsellor(server.baseUrl);
    const secret = `legacy-${randomBytes(6).toString('hex')}`;
    const answer = { userId: b.user!.id, mood: 2, feelings: ['tired'], need: secret, note: null, submittedAt: Date.now() };
    const row = await ExerciseRunModel.create({
      spaceId: space.id,
      kind: 'checkin',
      contentVersion: 1,
      status: 'ended',
      activeKey: randomBytes(12).toString('hex'),
      phase: 'ended',
      paused: false,
      participants: [a.user!.id, b.user!.id],
      startedBy: a.user!.id,
      startedAt: Date.now() - 1000,
      endedAt: Date.now(),
      endedReason: 'ended',
      endedBy: a.user!.id,
      data: { answers: [answer], revealedAt: null },
      rev: 2,
    });
    const fromA = await a.get(`/api/spaces/${space.id}/export?format=json`);
    expect(JSON.stringify(fromA.body)).not.toContain(secret);
    const fromB = await b.get(`/api/spaces/${space.id}/export?format=json`);
    const mine = fromB.body.exercises.find((e: { id: string }) => e.id === row._id.toString());
    expect(mine.data.mine.need).toBe(secret);
  });
});

describe("a counsellor's exercise history", () => {
  it('holds only sessions they observed and that are not couple-only, and every read is logged', async () => {
    const { a, b, c, space } = await makeCoupleWithCounsellor(server.baseUrl);
    const [pa, pb] = [await player(a, space.id), await player(b, space.id)];

    // Before the counsellor is there: a question deck they never saw.
    const unseen = await start(pa, pb, space.id, 'question_deck');
    await pa.act(unseen, 'end');

    const pc = await player(c, space.id);
    const checkin = await start(pa, pb, space.id, 'checkin');
    await pa.act(checkin, 'submit', { mood: 4, feelings: ['calm'], need: 'a walk' });
    await pb.act(checkin, 'submit', { mood: 3, feelings: ['ok'], need: 'tea' });
    await pc.waitFor((s) => s.sessionId === checkin && s.phase === 'revealed', 'the reveal');
    await pa.act(checkin, 'next');
    const watched = await start(pa, pb, space.id, 'question_deck');
    await pc.waitFor((s) => s.sessionId === watched, 'the deck');
    await pa.act(watched, 'end');

    expect((await history(pa, space.id)).map((s) => s.sessionId).sort()).toEqual([unseen, checkin, watched].sort());
    expect((await history(pc, space.id)).map((s) => s.sessionId)).toEqual([watched]);

    const audit = (await a.get(`/api/spaces/${space.id}/audit`)).body.entries as Array<{ action: string; actorId: string }>;
    expect(audit.filter((e) => e.action === 'exercise.history').map((e) => e.actorId)).toEqual([c.user!.id]);
  });
});
