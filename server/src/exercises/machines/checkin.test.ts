import { describe, expect, it } from 'vitest';
import { applyAction } from '../lifecycle';
import { A, B, C, errorOf, must, partnerA, partnerB, start, stateOf } from '../../../../test/helpers/exerciseRuns';

const T0 = 1_000_000;
const answerA = { mood: 2, feelings: ['tired', 'hopeful'], need: 'an early night', note: 'long week' };
const answerB = { mood: 4, feelings: ['calm'], need: 'a walk together' };

describe('together check-in', () => {
  it('keeps each answer from the partner and the counsellor until both have submitted', () => {
    let s = start('checkin');
    s = must(s, { type: 'submit', payload: answerA }, partnerA, T0 + 10);
    expect(s.phase).toBe('answering');

    const forB = stateOf(s, 'checkin', B).data;
    const forC = stateOf(s, 'checkin', C).data;
    const forA = stateOf(s, 'checkin', A).data;
    expect(forB).toEqual({ submitted: [A], revealed: false, revealedAt: null, answers: [], mine: null });
    expect(forC).toEqual(forB);
    expect(JSON.stringify(forB)).not.toContain('early night');
    // Your own answer comes back to you, so a refresh does not lose it.
    expect(forA.mine).toMatchObject({ need: 'an early night' });
  });

  it('reveals both answers in one step and asks the board to save them as check-ins', () => {
    let s = start('checkin');
    s = must(s, { type: 'submit', payload: answerA }, partnerA, T0 + 10);
    const out = applyAction(s, { type: 'submit', payload: answerB }, partnerB, T0 + 20);
    if (!out.ok) throw new Error(out.error.message);
    s = out.run;
    expect(s.phase).toBe('revealed');
    for (const viewer of [A, B, C]) {
      const data = stateOf(s, 'checkin', viewer).data;
      expect(data).toMatchObject({ revealed: true, revealedAt: T0 + 20, mine: null });
      expect(data.answers.length).toBe(2);
    }
    expect(out.effects).toEqual([
      {
        type: 'addCheckins',
        entries: [
          { userId: A, mood: 2, feelings: ['tired', 'hopeful'], need: 'an early night', note: 'long week', at: T0 + 20, sessionId: s.id },
          { userId: B, mood: 4, feelings: ['calm'], need: 'a walk together', note: null, at: T0 + 20, sessionId: s.id },
        ],
      },
    ]);
    s = must(s, { type: 'next' }, partnerB, T0 + 30);
    expect(s).toMatchObject({ status: 'ended', endedReason: 'completed' });
  });

  it('lets a partner change their answer before the reveal, not after', () => {
    let s = start('checkin');
    s = must(s, { type: 'submit', payload: answerA }, partnerA, T0);
    s = must(s, { type: 'submit', payload: { ...answerA, mood: 3 } }, partnerA, T0 + 1);
    expect(stateOf(s, 'checkin', A).data.mine).toMatchObject({ mood: 3 });
    expect(errorOf(applyAction(s, { type: 'next' }, partnerA, T0))).toBe('conflict');
    s = must(s, { type: 'submit', payload: answerB }, partnerB, T0 + 2);
    expect(errorOf(applyAction(s, { type: 'submit', payload: answerA }, partnerA, T0 + 3))).toBe('conflict');
  });
});
