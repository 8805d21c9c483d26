import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExerciseSummary } from '@hearth/shared/exercises';
import { ExerciseRunModel } from '../../server/src/exercises/exerciseRun.model';
import { ExercisePlayer, stateOfKind } from '../helpers/exercisePlayer';
import { makeCouple } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/server';

// History reads runs stored by older versions of Hearth: one old record must not hide the rest.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

describe('exercise history', () => {
  it('lists a question deck stored before decks kept their themes, beside the newer runs', async () => {
    const { a, b, space } = await makeCouple(server.baseUrl);
    const [pa, pb] = [new ExercisePlayer(server.baseUrl, a.cookie, 'Alex'), new ExercisePlayer(server.baseUrl, b.cookie, 'Sam')];
    try {
      await Promise.all([pa.connected(), pb.connected()]);
      for (const p of [pa, pb]) expect((await p.emit('exercise:join', { spaceId: space.id })).ok).toBe(true);
      const run = await pa.startWith(pb, { spaceId: space.id, kind: 'question_deck', options: { themes: ['trust'] } });
      await pa.act(run.sessionId, 'draw');
      await pa.act(run.sessionId, 'end');

      // An older deck: no `themes`, no seed or used list.
      const old = new mongoose.Types.ObjectId();
      const card = { questionId: 'q-old', theme: 'trust', text: 'An old question', drawnBy: a.user!.id, answers: [], starred: false };
      await ExerciseRunModel.collection.insertOne({
        _id: old,
        spaceId: space.id,
        kind: 'question_deck',
        contentVersion: 1,
        status: 'ended',
        activeKey: old.toString(),
        phase: 'ended',
        paused: false,
        turn: null,
        deadline: null,
        remainingMs: null,
        participants: [a.user!.id, b.user!.id],
        startedBy: a.user!.id,
        startedAt: 1_000,
        endedAt: 2_000,
        endedReason: 'ended',
        endedBy: a.user!.id,
        data: { answerMs: null, current: null, cards: [{ ...card, outcome: 'answered' }] },
        rev: 3,
      });

      const res = await pa.emit('exercise:history', { spaceId: space.id });
      if (!res.ok) throw new Error(`history: ${res.error.code} ${res.error.message}`);
      const sessions = (res.sessions ?? []) as ExerciseSummary[];
      expect(sessions.map((s) => s.sessionId)).toEqual([run.sessionId, old.toString()]);
      const oldDeck = sessions[1]!;
      if (oldDeck.kind !== 'question_deck') throw new Error(`expected a deck, got ${oldDeck.kind}`);
      expect(oldDeck.results.cards).toMatchObject([{ questionId: 'q-old', outcome: 'answered' }]);
      expect(oldDeck.results.themes.length).toBeGreaterThan(0);
      expect(stateOfKind(run, 'question_deck').data.themes).toEqual(['trust']);
    } finally {
      pa.close();
      pb.close();
    }
  });
});
