import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { acceptPromise, createPromise, deleteItem, listCheckins, readItemOfKind } from '@hearth/shared/board';
import type { ExerciseState } from '@hearth/shared/exercises';
import { stateOfKind, type ExercisePlayer } from '../helpers/exercisePlayer';
import { makeCoupleWithCounsellor } from '../helpers/api';
import { ExerciseApp } from './exercise-fixtures/exerciseApp';

// Full runs of every exercise with two partners and an observing counsellor, over real
// sockets, real sessions and the real database.
let ex: ExerciseApp;

beforeAll(async () => {
  ex = await ExerciseApp.start();
});
afterAll(async () => {
  await ex?.stop();
});
afterEach(() => ex.closePlayers());

/** A couple and their counsellor, all three connected and joined to the space. */
async function room() {
  const { a, b, c, space } = await makeCoupleWithCounsellor(ex.server.baseUrl);
  const [pa, pb, pc] = await Promise.all([ex.player(a), ex.player(b), ex.player(c)]);
  for (const p of [pa, pb, pc]) expect(await p.emit('exercise:join', { spaceId: space.id })).toEqual({ ok: true, state: null });
  return { a: a.user!.id, b: b.user!.id, c: c.user!.id, spaceId: space.id, pa, pb, pc };
}

/** `p` starts; both partners confirm the "ready?" step. */
async function start(p: ExercisePlayer, partner: ExercisePlayer, spaceId: string, kind: string, options?: unknown): Promise<ExerciseState> {
  return p.startWith(partner, options === undefined ? { spaceId, kind } : { spaceId, kind, options });
}

const ended = (id: string) => (s: ExerciseState) => s.sessionId === id && s.phase === 'ended';

describe('live exercises: the "ready?" step', () => {
  it('waits for both partners; the counsellor sees who is ready but cannot confirm; nothing happens before', async () => {
    const { a, b, spaceId, pa, pb, pc } = await room();
    const ack = await pa.emit('exercise:start', { spaceId, kind: 'speaker_listener', options: { turnMinutes: 3 } });
    expect(ack).toMatchObject({ ok: true, state: { phase: 'ready', ready: [], turn: null, deadline: null } });
    const id = (ack as { state: ExerciseState }).state.sessionId;
    await pc.waitFor((s) => s.sessionId === id && s.phase === 'ready', 'the ready step');

    // No exercise move before both are ready, not even moving on.
    expect(await pa.emit('exercise:action', { sessionId: id, type: 'paraphrase', payload: { text: 'early' } })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(await pb.emit('exercise:action', { sessionId: id, type: 'next' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await pc.emit('exercise:action', { sessionId: id, type: 'ready' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const halfway = await pb.act(id, 'ready');
    expect(halfway).toMatchObject({ phase: 'ready', ready: [b], deadline: null });
    await pc.waitFor((s) => s.sessionId === id && s.ready.includes(b), 'B ready, seen by the counsellor');
    await pa.waitFor((s) => s.sessionId === id && s.ready.includes(b), 'B ready, seen by A');

    const begun = await pa.act(id, 'ready');
    expect(begun).toMatchObject({ phase: 'speaking', turn: a, ready: [b, a] });
    expect(begun.deadline! - begun.serverNow).toBeGreaterThan(170_000);
    await pc.waitFor((s) => s.sessionId === id && s.phase === 'speaking', 'the exercise begun, seen by the counsellor');
    await pb.act(id, 'end');
  });

  it('lets either partner end while waiting', async () => {
    const { spaceId, pa, pb } = await room();
    const ack = await pa.emit('exercise:start', { spaceId, kind: 'checkin' });
    const id = (ack as { state: ExerciseState }).state.sessionId;
    await pa.act(id, 'ready');
    const ended = await pb.act(id, 'end');
    expect(ended).toMatchObject({ phase: 'ended', endedReason: 'ended' });
  });
});

describe('live exercises: full runs', () => {
  it('speaker–listener: paraphrase, correction, retry, confirmation, role swap; only the right person acts', async () => {
    const { a, b, spaceId, pa, pb, pc } = await room();
    const s0 = await start(pa, pb, spaceId, 'speaker_listener', { topicId: 'sl-hope', turnMinutes: 3 });
    expect(s0).toMatchObject({ phase: 'speaking', turn: a, participants: [a, b], paused: false });
    // The three minutes start once both are ready, not at the start.
    expect(s0.deadline! - s0.serverNow).toBeGreaterThan(175_000);
    expect(s0.deadline! - s0.serverNow).toBeLessThanOrEqual(180_000); // a three-minute floor
    const id = s0.sessionId;
    // Everyone in the space sees it start, the counsellor included.
    for (const p of [pb, pc]) await p.waitFor((s) => s.sessionId === id && s.phase === 'speaking', 'the start');

    expect(await pb.emit('exercise:action', { sessionId: id, type: 'next' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await pc.emit('exercise:action', { sessionId: id, type: 'next' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await pa.act(id, 'next');
    await pb.act(id, 'paraphrase', { text: 'What I heard is you hope for a garden' });
    await pa.act(id, 'confirm', { accurate: false, correction: 'a garden we tend together' });
    await pb.act(id, 'paraphrase', { text: 'A garden that is ours, tended together' });
    const swapped = await pa.act(id, 'confirm', { accurate: true });
    expect(swapped).toMatchObject({ phase: 'speaking', turn: b });
    await pb.act(id, 'next');
    await pa.act(id, 'paraphrase', { text: 'You want evenings without screens' });
    const done = await pb.act(id, 'confirm', { accurate: true });
    expect(done).toMatchObject({ phase: 'ended', endedReason: 'completed' });
    await pc.waitFor(ended(id), 'the end');

    const history = await pc.emit('exercise:history', { spaceId });
    expect(history).toMatchObject({ ok: true, sessions: [{ sessionId: id, kind: 'speaker_listener', endedReason: 'completed' }] });
    const results = (history as { sessions: Array<{ results: { exchanges: unknown[] } }> }).sessions[0]!.results;
    expect(results.exchanges).toHaveLength(2);
  });

  it('together check-in: neither partner nor the counsellor receives an answer before both submitted', async () => {
    const { a, b, spaceId, pa, pb, pc } = await room();
    const id = (await start(pb, pa, spaceId, 'checkin')).sessionId;
    const secretA = 'a quiet evening, just us';
    const secretB = 'help with the washing up';

    const mine = await pa.act(id, 'submit', { mood: 2, feelings: ['tired', 'hopeful'], need: secretA });
    expect(mine.data).toMatchObject({ submitted: [a], revealed: false, mine: { need: secretA } });
    await pb.waitFor((s) => s.sessionId === id && s.kind === 'checkin' && s.data.submitted.includes(a), 'A submitted');
    await pc.waitFor((s) => s.sessionId === id && s.kind === 'checkin' && s.data.submitted.includes(a), 'A submitted');
    expect(
      await pc.emit('exercise:action', { sessionId: id, type: 'submit', payload: { mood: 3, feelings: [], need: 'x' } }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const revealed = await pb.act(id, 'submit', { mood: 4, feelings: ['calm'], need: secretB, note: 'good week' });
    expect(revealed.data).toMatchObject({
      revealed: true,
      answers: [
        { userId: a, need: secretA },
        { userId: b, need: secretB },
      ],
    });
    const seenByA = await pa.waitFor((s) => s.sessionId === id && s.kind === 'checkin' && s.data.revealed, 'the reveal');
    const seenByC = await pc.waitFor((s) => s.sessionId === id && s.kind === 'checkin' && s.data.revealed, 'the reveal');
    // One reveal moment for everyone.
    expect(stateOfKind(seenByA, 'checkin').data.revealedAt).toBe(stateOfKind(revealed, 'checkin').data.revealedAt);
    expect(stateOfKind(seenByC, 'checkin').data.answers).toEqual(stateOfKind(revealed, 'checkin').data.answers);

    const before = (p: typeof pa, _secret: string) =>
      p.states
        .filter((s) => s.sessionId === id && s.kind === 'checkin' && !s.data.revealed)
        .map((s) => JSON.stringify(s))
        .join('\n');
    expect(before(pb, secretA)).not.toContain(secretA);
    expect(before(pc, secretA)).not.toContain(secretA);
    expect(before(pa, secretB)).not.toContain(secretB);

    // Saved as check-ins on the board, one per partner.
    const saved = await ex.onBoard(spaceId, listCheckins);
    expect(saved.map((c) => [c.userId, c.need]).sort()).toEqual(
      [
        [a, secretA],
        [b, secretB],
      ].sort(),
    );
    expect((await pa.act(id, 'next')).phase).toBe('ended');
  });

  it('question deck: turns drawing, answers aloud or written, star, skip, no repeats', async () => {
    const { a, b, spaceId, pa, pb } = await room();
    const id = (await start(pa, pb, spaceId, 'question_deck', { themes: ['trust', 'appreciation'] })).sessionId;
    expect(await pb.emit('exercise:action', { sessionId: id, type: 'draw' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const drawn = await pa.act(id, 'draw', { theme: 'trust' });
    const first = stateOfKind(drawn, 'question_deck').data.current!.questionId;
    expect(stateOfKind(drawn, 'question_deck').data.current).toMatchObject({ theme: 'trust', drawnBy: a });
    await pa.act(id, 'answer', { text: 'When you called from the station.' });
    await pb.act(id, 'answer');
    const starred = await pb.act(id, 'star');
    expect(stateOfKind(starred, 'question_deck').data.current).toMatchObject({
      starred: true,
      answers: [{ userId: a }, { userId: b, text: null }],
    });
    expect(await pb.act(id, 'next')).toMatchObject({ phase: 'drawing', turn: b });

    await pb.act(id, 'draw');
    // Either partner may skip; the one who drew draws again.
    expect(await pa.act(id, 'skip')).toMatchObject({ phase: 'drawing', turn: b });
    const again = await pb.act(id, 'draw');
    const deck = stateOfKind(again, 'question_deck').data;
    const cards = [...deck.cards, deck.current!];
    expect(new Set(cards.map((c) => c.questionId)).size).toBe(3);
    expect(cards[0]!.questionId).toBe(first);
    expect(await pa.act(id, 'end')).toMatchObject({ phase: 'ended', endedReason: 'ended' });
  });

  it('question deck: both partners skipping the same card at once set aside exactly one card (10 trials)', async () => {
    const { a, spaceId, pa, pb } = await room();
    const id = (await start(pa, pb, spaceId, 'question_deck')).sessionId;
    for (let trial = 1; trial <= 10; trial++) {
      await pa.act(id, 'draw');
      const acks = await Promise.all([
        pa.emit('exercise:action', { sessionId: id, type: 'skip' }),
        pb.emit('exercise:action', { sessionId: id, type: 'skip' }),
      ]);
      // One skip lands; the other finds no card on the table any more.
      expect(acks.filter((ack) => ack.ok)).toHaveLength(1);
      expect(acks.find((ack) => !ack.ok)).toMatchObject({ ok: false, error: { code: 'conflict' } });
      const joined = await pb.emit('exercise:join', { spaceId });
      const state = (joined as { state: ExerciseState }).state;
      expect(state).toMatchObject({ phase: 'drawing', turn: a });
      const cards = stateOfKind(state, 'question_deck').data.cards;
      expect(cards).toHaveLength(trial);
      expect(cards.every((c) => c.outcome === 'skipped')).toBe(true);
      // Pace the trials below the per-socket rate limit (burst 20, 5 actions a second).
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  });

  it('promise review: the promiser marks, the partner confirms, a missed promise is renegotiated on the board', async () => {
    const { a, b, spaceId, pa, pb, pc } = await room();
    const today = new Date().toISOString().slice(0, 10);
    const partners = { partnerIds: [a, b] };
    const [p1, p2] = await ex.onBoard(spaceId, (doc) => {
      const p1 = createPromise(
        doc,
        { userId: a, ...partners },
        { text: 'Call if I am running late', promiseeId: b, cadence: { type: 'once', dueDate: today } },
      );
      acceptPromise(doc, { userId: b, ...partners }, { itemId: p1 });
      const p2 = createPromise(
        doc,
        { userId: b, ...partners },
        { text: 'Cook on Sunday', promiseeId: a, cadence: { type: 'once', dueDate: today } },
      );
      acceptPromise(doc, { userId: a, ...partners }, { itemId: p2 });
      return [p1, p2];
    });

    const s0 = await start(pa, pb, spaceId, 'promise_review');
    const id = s0.sessionId;
    const items = stateOfKind(s0, 'promise_review').data.items;
    expect(items.map((i) => i.promiseId)).toEqual([p1, p2]);
    expect(s0.turn).toBe(a);

    expect(await pb.emit('exercise:action', { sessionId: id, type: 'mark', payload: { promiseId: p1, outcome: 'kept' } })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await pc.emit('exercise:action', { sessionId: id, type: 'confirm', payload: { promiseId: p1 } })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    await pa.act(id, 'mark', { promiseId: p1, outcome: 'kept' });
    await pb.act(id, 'confirm', { promiseId: p1 });
    await pb.act(id, 'next');
    await pb.act(id, 'mark', { promiseId: p2, outcome: 'missed' });
    await pa.act(id, 'confirm', { promiseId: p2 });
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await pb.act(id, 'renegotiate', { promiseId: p2, text: 'Cook every other Sunday', dueDate: tomorrow });
    expect((await pa.act(id, 'next')).phase).toBe('summary');
    expect(await pa.act(id, 'next')).toMatchObject({ phase: 'ended', endedReason: 'completed' });

    const kept = await ex.onBoard(spaceId, (doc) => readItemOfKind(doc, p1, 'promise'));
    expect(kept.status).toBe('kept');
    expect(kept.outcomes[today]).toMatchObject({ outcome: 'kept', confirmedBy: b });
    const missed = await ex.onBoard(spaceId, (doc) => readItemOfKind(doc, p2, 'promise'));
    expect(missed.status).toBe('renegotiated');
    const renegotiated = await ex.onBoard(spaceId, (doc) => readItemOfKind(doc, missed.renegotiatedInto!, 'promise'));
    expect(renegotiated.text).toBe('Cook every other Sunday');

    // The next review starts after this one: nothing new is due.
    const next = await start(pa, pb, spaceId, 'promise_review');
    expect(next).toMatchObject({ phase: 'summary', data: { items: [] } });
    await pa.act(next.sessionId, 'end');
  });

  it('leaves the review where it was when the board refuses a result (the promise was deleted meanwhile)', async () => {
    const { a, b, spaceId, pa, pb } = await room();
    const today = new Date().toISOString().slice(0, 10);
    const p1 = await ex.onBoard(spaceId, (doc) => {
      const id = createPromise(
        doc,
        { userId: a, partnerIds: [a, b] },
        { text: 'Walk the dog', promiseeId: b, cadence: { type: 'once', dueDate: today } },
      );
      acceptPromise(doc, { userId: b, partnerIds: [a, b] }, { itemId: id });
      return id;
    });
    const id = (await start(pa, pb, spaceId, 'promise_review')).sessionId;
    await ex.onBoard(spaceId, (doc) => deleteItem(doc, { userId: a, partnerIds: [a, b] }, { itemId: p1 }));

    expect(await pa.emit('exercise:action', { sessionId: id, type: 'mark', payload: { promiseId: p1, outcome: 'kept' } })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const joined = await pb.emit('exercise:join', { spaceId });
    expect(joined).toMatchObject({ ok: true, state: { sessionId: id, turn: a, data: { items: [{ promiseId: p1, outcome: null }] } } });
    await pa.act(id, 'end');
  });

  it('answers wrong input, strangers and a second start with the right codes', async () => {
    const { spaceId, pa, pb } = await room();
    expect(await pa.emit('exercise:start', { spaceId, kind: 'tarot' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await pa.emit('exercise:start', { spaceId: { $gt: '' }, kind: 'checkin' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await pa.emit('exercise:join', { spaceId: 'f'.repeat(24) })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const id = (await start(pa, pb, spaceId, 'checkin')).sessionId;
    expect(await pb.emit('exercise:start', { spaceId, kind: 'question_deck' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(
      await pa.emit('exercise:action', { sessionId: id, type: 'submit', payload: { mood: 9, feelings: [], need: 'x' } }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('payload.mood') } });
    expect(await pa.emit('exercise:action', { sessionId: id, type: 'draw' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });

    const { pa: stranger } = await room();
    expect(await stranger.emit('exercise:action', { sessionId: id, type: 'end' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await stranger.emit('exercise:history', { spaceId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await pa.act(id, 'end');
  });
});
