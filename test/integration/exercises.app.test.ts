import { acceptPromise, createPromise, listCheckins, readItemOfKind } from '@hearth/shared/board';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ExercisePlayer, stateOfKind } from '../helpers/exercisePlayer';
import { makeCoupleWithCounsellor } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/server';
import { connectClient, waitFor, type TestClient } from './collab-fixtures/providers';

// The exercises as the app wires them: the app's own Socket.io, results written by the
// server into the live board documents, which partners see through y-websocket.
let server: TestServer;
const closers: Array<() => void> = [];
beforeAll(async () => {
  server = await startTestServer();
});
afterEach(() => {
  for (const close of closers.splice(0)) close();
});
afterAll(async () => {
  await server.stop();
});

function board(cookie: string, docName: string): TestClient {
  const client = connectClient(server.wsBase, docName, { cookie, origin: server.baseUrl });
  closers.push(() => client.destroy());
  return client;
}

async function player(cookie: string, name: string): Promise<ExercisePlayer> {
  const p = new ExercisePlayer(server.baseUrl, cookie, name);
  closers.push(() => p.close());
  return p.connected();
}

describe('exercises in the app', () => {
  it('a together check-in lands on the "us" board and a promise review marks the live promise', async () => {
    const { a, b, c, space } = await makeCoupleWithCounsellor(server.baseUrl);
    const ids = { a: a.user!.id, b: b.user!.id };
    const actor = (userId: string) => ({ userId, partnerIds: [ids.a, ids.b] });
    const boardA = board(a.cookie, `couple:${space.id}`);
    const boardB = board(b.cookie, `couple:${space.id}`);
    await waitFor('both boards synced', () => boardA.provider.synced && boardB.provider.synced);

    const today = new Date().toISOString().slice(0, 10);
    const promiseId = createPromise(boardA.doc, actor(ids.a), {
      text: 'Call when I land',
      promiseeId: ids.b,
      cadence: { type: 'once', dueDate: today },
    });
    await waitFor('promise reaches B', () => boardB.doc.getMap('items').has(promiseId));
    acceptPromise(boardB.doc, actor(ids.b), { itemId: promiseId });
    await waitFor('acceptance saved', () => boardB.allSaved());

    const [pa, pb, pc] = await Promise.all([player(a.cookie, 'Alex'), player(b.cookie, 'Sam'), player(c.cookie, 'Dr Rivera')]);
    for (const p of [pa, pb, pc]) expect((await p.emit('exercise:join', { spaceId: space.id })).ok).toBe(true);

    const sessionId = (await pa.startWith(pb, { spaceId: space.id, kind: 'checkin' })).sessionId;
    await pa.act(sessionId, 'submit', { mood: 4, feelings: ['hopeful'], need: 'A slow breakfast' });
    await pb.act(sessionId, 'submit', { mood: 2, feelings: ['tired'], need: 'An early night' });
    await pc.waitFor((s) => s.sessionId === sessionId && s.phase === 'revealed', 'the reveal');
    await waitFor('check-ins on A’s board', () => listCheckins(boardA.doc).length === 2);
    expect(
      listCheckins(boardA.doc)
        .map((x) => [x.userId, x.mood, x.need])
        .sort(),
    ).toEqual(
      [
        [ids.a, 4, 'A slow breakfast'],
        [ids.b, 2, 'An early night'],
      ].sort(),
    );
    await pa.act(sessionId, 'next');

    const reviewState = await pa.startWith(pb, {
      spaceId: space.id,
      kind: 'promise_review',
      options: { since: new Date(Date.now() - 86_400_000).toISOString() },
    });
    expect(stateOfKind(reviewState, 'promise_review').data.items.map((i) => i.promiseId)).toEqual([promiseId]);
    await pa.act(reviewState.sessionId, 'mark', { promiseId, outcome: 'kept' });
    await pb.act(reviewState.sessionId, 'confirm', { promiseId });
    await waitFor('B sees the promise kept', () => {
      const item = readItemOfKind(boardB.doc, promiseId, 'promise');
      return item.status === 'kept' && item.outcomes[today]?.confirmedBy === ids.b;
    });
    await pa.act(reviewState.sessionId, 'end');

    // The counsellor watched two sessions: one audit entry each, naming no content.
    const audit = (await a.get(`/api/spaces/${space.id}/audit`)).body.entries as Array<{ action: string; target: string; actorId: string }>;
    const observed = audit.filter((e) => e.action === 'exercise.observed');
    expect(observed.map((e) => e.target).sort()).toEqual([`exercise:${sessionId}`, `exercise:${reviewState.sessionId}`].sort());
    expect(observed.every((e) => e.actorId === c.user!.id)).toBe(true);
  });
});
