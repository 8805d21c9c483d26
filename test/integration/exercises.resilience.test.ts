import mongoose from 'mongoose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ExerciseState } from '@hearth/shared/exercises';
import { Space } from '../../server/src/spaces/space.model';
import { stateOfKind, type ExercisePlayer } from '../helpers/exercisePlayer';
import { makeCoupleWithCounsellor } from '../helpers/api';
import { ExerciseApp } from './exercise-fixtures/exerciseApp';

// Pause, reconnect, restart and timers. The server clock is injected: moving `offset` makes
// deadlines pass without waiting, and the server must advance the exercise by itself.
let ex: ExerciseApp;
let offset = 0;
const clock = () => Date.now() + offset;

beforeAll(async () => {
  ex = await ExerciseApp.start(clock);
});
afterAll(async () => {
  await ex?.stop();
});
afterEach(() => ex.closePlayers());

async function room() {
  const { a, b, c, space } = await makeCoupleWithCounsellor(ex.server.baseUrl);
  const [pa, pb, pc] = await Promise.all([ex.player(a), ex.player(b), ex.player(c)]);
  for (const p of [pa, pb, pc]) await p.emit('exercise:join', { spaceId: space.id });
  return { apiA: a, apiB: b, a: a.user!.id, b: b.user!.id, c: c.user!.id, spaceId: space.id, pa, pb, pc };
}

/** What the counsellor feature's consent setting will do (FerretDB has no positional `$`). */
async function allowFacilitation(spaceId: string): Promise<void> {
  const space = await Space.findById(spaceId);
  for (const m of space!.members) if (m.role === 'counsellor') m.canFacilitate = true;
  await space!.save();
}

/** `p` starts; both partners confirm the "ready?" step, which starts the speaker's clock. */
async function startSpeakerListener(p: ExercisePlayer, partner: ExercisePlayer, spaceId: string): Promise<ExerciseState> {
  return p.startWith(partner, { spaceId, kind: 'speaker_listener', options: { turnMinutes: 1, paraphraseMinutes: 1 } });
}

describe('live exercises: time-outs, timers, reconnects and restarts', () => {
  it('lets either partner pause (freezing the clock) and resume; an observing counsellor cannot', async () => {
    const { a, spaceId, pa, pb, pc } = await room();
    const s0 = await startSpeakerListener(pa, pb, spaceId);
    const id = s0.sessionId;
    expect(await pc.emit('exercise:action', { sessionId: id, type: 'pause' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    // The listener calls the time-out.
    const paused = await pb.act(id, 'pause');
    expect(paused).toMatchObject({ paused: true, deadline: null });
    const left = paused.remainingMs!;
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThanOrEqual(60_000);
    await pa.waitFor((s) => s.sessionId === id && s.paused, 'the pause');
    expect(await pa.emit('exercise:action', { sessionId: id, type: 'next' })).toMatchObject({ ok: false, error: { code: 'conflict' } });

    offset += 10 * 60_000; // ten minutes pass while paused: the floor is still the speaker's
    const resumed = await pa.act(id, 'resume');
    expect(resumed).toMatchObject({ paused: false, phase: 'speaking', turn: a });
    expect(resumed.deadline! - resumed.serverNow).toBeGreaterThan(left - 5_000);
    expect(resumed.deadline! - resumed.serverNow).toBeLessThanOrEqual(left);

    // The speaker pauses too; a counsellor the couple lets facilitate may resume and end.
    await pa.act(id, 'pause');
    await allowFacilitation(spaceId);
    expect((await pc.act(id, 'resume')).paused).toBe(false);
    expect(await pc.emit('exercise:action', { sessionId: id, type: 'paraphrase', payload: { text: 'x' } })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await pc.act(id, 'end')).toMatchObject({ phase: 'ended', endedReason: 'ended' });
  });

  it('advances on its own when a deadline passes, for every screen', async () => {
    const { a, b, spaceId, pa, pb, pc } = await room();
    const id = (await startSpeakerListener(pa, pb, spaceId)).sessionId;
    offset += 61_000;
    const forListener = await pb.waitFor((s) => s.sessionId === id && s.phase === 'paraphrasing', 'the floor handed over');
    expect(forListener.turn).toBe(b);
    expect(forListener.deadline! - forListener.serverNow).toBeGreaterThan(50_000);
    await pc.waitFor((s) => s.sessionId === id && s.phase === 'paraphrasing', 'the floor handed over');

    // No paraphrase in time: the exchange closes and the roles swap.
    offset += 61_000;
    const swapped = await pa.waitFor((s) => s.sessionId === id && s.phase === 'speaking' && s.turn === b, 'the swap');
    expect(stateOfKind(swapped, 'speaker_listener').data.exchanges[0]!.outcome).toBe('timed_out');
    expect(swapped.turn).not.toBe(a);
    await pa.act(id, 'end');
  });

  it('resumes after a reconnect: the returning partner gets the same state and carries on', async () => {
    const { apiB, b, spaceId, pa, pb } = await room();
    const id = (await startSpeakerListener(pa, pb, spaceId)).sessionId;
    await pa.act(id, 'next');
    pb.close();

    const back = await ex.player(apiB);
    const joined = await back.emit('exercise:join', { spaceId });
    expect(joined).toMatchObject({ ok: true, state: { sessionId: id, phase: 'paraphrasing', turn: b } });
    await back.act(id, 'paraphrase', { text: 'What I heard is…' });
    await pa.waitFor((s) => s.sessionId === id && s.phase === 'confirming', 'the paraphrase');
    await pa.act(id, 'end');
  });

  it('resumes after a server restart, timer included', async () => {
    const { apiA, apiB, b, spaceId, pa, pb } = await room();
    const before = await startSpeakerListener(pa, pb, spaceId);
    const id = before.sessionId;
    const paraphrasing = await pa.act(id, 'next');

    await ex.restart();

    const [pa2, pb2] = await Promise.all([ex.player(apiA), ex.player(apiB)]);
    const joined = await pb2.emit('exercise:join', { spaceId });
    expect(joined).toMatchObject({ ok: true, state: { sessionId: id, phase: 'paraphrasing', turn: b, deadline: paraphrasing.deadline } });
    await pa2.emit('exercise:join', { spaceId });

    // The re-armed timer fires on the new server.
    offset += 61_000;
    const swapped = await pa2.waitFor((s) => s.sessionId === id && s.phase === 'speaking' && s.turn === b, 'the swap after restart');
    expect(swapped.participants).toEqual(before.participants);
    await pa2.act(id, 'end');
    expect(mongoose.connection.readyState).toBe(1);
  });

  it('rate-limits a socket that floods the server', async () => {
    const { spaceId, pa } = await room();
    const acks = await Promise.all(Array.from({ length: 40 }, () => pa.emit('exercise:join', { spaceId })));
    expect(acks.filter((r) => !r.ok && r.error.code === 'rate_limited').length).toBeGreaterThan(0);
  });
});
