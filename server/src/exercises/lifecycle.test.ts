import { describe, expect, it } from 'vitest';
import { applyAction, applyDeadline } from './lifecycle';
import { A, B, counsellor, errorOf, facilitator, must, partnerA, partnerB, start, startWaiting } from '../../../test/helpers/exerciseRuns';

const T0 = 1_000_000;

describe('the "ready?" step', () => {
  it('opens every kind on an untimed ready step and begins once both partners confirm, clock starting then', () => {
    for (const kind of ['speaker_listener', 'checkin', 'question_deck', 'promise_review'] as const) {
      const s = startWaiting(
        kind,
        {},
        kind === 'promise_review'
          ? { promises: [{ id: 'p1', text: 'Call', promiserId: A, promiseeId: B, period: '2026-01-01', status: 'accepted' }] }
          : {},
      );
      expect(s).toMatchObject({ status: 'running', phase: 'ready', turn: null, deadline: null, ready: [] });
    }
    let s = startWaiting('speaker_listener', { turnMinutes: 3 });
    s = must(s, { type: 'ready' }, partnerB, T0 + 5_000);
    expect(s).toMatchObject({ phase: 'ready', ready: [B], deadline: null });
    expect(applyDeadline(s, T0 + 3_600_000)).toBeNull();
    s = must(s, { type: 'ready' }, partnerA, T0 + 60_000);
    expect(s).toMatchObject({ phase: 'speaking', turn: A, ready: [B, A], pending: null, deadline: T0 + 60_000 + 180_000 });
  });

  it('refuses every exercise move, moving on included, until both are ready', () => {
    let s = startWaiting('question_deck');
    expect(errorOf(applyAction(s, { type: 'draw', payload: undefined }, partnerA, T0))).toBe('conflict');
    expect(errorOf(applyAction(s, { type: 'next' }, partnerA, T0))).toBe('conflict');
    expect(errorOf(applyAction(s, { type: 'next' }, facilitator, T0))).toBe('conflict');
    s = must(s, { type: 'ready' }, partnerA, T0);
    expect(errorOf(applyAction(s, { type: 'draw', payload: undefined }, partnerA, T0))).toBe('conflict');
    const c = startWaiting('checkin');
    expect(errorOf(applyAction(c, { type: 'submit', payload: { mood: 3, feelings: [], need: 'rest' } }, partnerB, T0))).toBe('conflict');
  });

  it('treats confirming twice as a no-op and refuses it once the exercise has begun', () => {
    let s = must(startWaiting('checkin'), { type: 'ready' }, partnerA, T0);
    expect(applyAction(s, { type: 'ready' }, partnerA, T0 + 1)).toMatchObject({ ok: true, changed: false });
    s = must(s, { type: 'ready' }, partnerB, T0 + 2);
    expect(s.phase).toBe('answering');
    expect(errorOf(applyAction(s, { type: 'ready' }, partnerA, T0 + 3))).toBe('conflict');
  });

  it('lets a counsellor see the step but never confirm it, observing or facilitating', () => {
    const s = startWaiting('speaker_listener');
    expect(errorOf(applyAction(s, { type: 'ready' }, counsellor, T0))).toBe('forbidden');
    expect(errorOf(applyAction(s, { type: 'ready' }, facilitator, T0))).toBe('forbidden');
  });

  it('lets either partner end while waiting, and keeps nothing pending', () => {
    let s = must(startWaiting('speaker_listener'), { type: 'ready' }, partnerA, T0);
    s = must(s, { type: 'end' }, partnerB, T0 + 1);
    expect(s).toMatchObject({ status: 'ended', phase: 'ended', endedReason: 'ended', endedBy: B, pending: null });
  });
});

describe('exercise lifecycle', () => {
  it('freezes the remaining time on pause and gives it back on resume, whoever presses', () => {
    let s = start('speaker_listener', { turnMinutes: 3 });
    expect(s.deadline).toBe(T0 + 180_000);
    s = must(s, { type: 'pause' }, partnerB, T0 + 60_000); // the listener may call a time-out too
    expect(s).toMatchObject({ paused: true, deadline: null, remainingMs: 120_000 });
    // Time passing while paused changes nothing.
    expect(applyDeadline(s, T0 + 10 * 60_000)).toBeNull();
    s = must(s, { type: 'resume' }, partnerA, T0 + 600_000);
    expect(s).toMatchObject({ paused: false, deadline: T0 + 600_000 + 120_000, remainingMs: null });
  });

  it('treats a second pause as a no-op, so both pressing at once is not an error', () => {
    let s = start('checkin');
    s = must(s, { type: 'pause' }, partnerA, T0);
    const again = applyAction(s, { type: 'pause' }, partnerB, T0 + 1);
    expect(again).toMatchObject({ ok: true, changed: false });
  });

  it('refuses exercise moves while paused but still allows ending', () => {
    let s = start('checkin');
    s = must(s, { type: 'pause' }, partnerA, T0);
    const submit = applyAction(s, { type: 'submit', payload: { mood: 3, feelings: [], need: 'rest' } }, partnerA, T0);
    expect(errorOf(submit)).toBe('conflict');
    s = must(s, { type: 'end' }, partnerB, T0 + 5);
    expect(s).toMatchObject({ status: 'ended', phase: 'ended', endedReason: 'ended', endedAt: T0 + 5, paused: false });
    expect(errorOf(applyAction(s, { type: 'resume' }, partnerA, T0 + 6))).toBe('conflict');
  });

  it('lets an observing counsellor do nothing, and a facilitating one only steer', () => {
    const s = start('speaker_listener');
    expect(errorOf(applyAction(s, { type: 'pause' }, counsellor, T0))).toBe('forbidden');
    expect(errorOf(applyAction(s, { type: 'end' }, counsellor, T0))).toBe('forbidden');
    expect(must(s, { type: 'pause' }, facilitator, T0).paused).toBe(true);
    expect(must(s, { type: 'next' }, facilitator, T0).phase).toBe('paraphrasing');
    const c = start('checkin');
    const answer = applyAction(c, { type: 'submit', payload: { mood: 3, feelings: [], need: 'x' } }, facilitator, T0);
    expect(errorOf(answer)).toBe('forbidden');
  });

  it('never changes the session it was given', () => {
    const s = start('question_deck');
    const before = structuredClone(s);
    must(s, { type: 'draw', payload: undefined }, partnerA, T0);
    must(s, { type: 'pause' }, partnerA, T0);
    expect(s).toEqual(before);
  });

  it('advances only once the deadline has passed', () => {
    const s = start('speaker_listener', { turnMinutes: 1 });
    expect(applyDeadline(s, T0 + 59_999)).toBeNull();
    const out = applyDeadline(s, T0 + 60_000);
    expect(out?.ok && out.run.phase).toBe('paraphrasing');
  });
});
