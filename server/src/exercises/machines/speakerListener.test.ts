import { describe, expect, it } from 'vitest';
import type { ExerciseRun } from '../run';
import { applyAction, applyDeadline } from '../lifecycle';
import { A, B, runOf, errorOf, must, partnerA, partnerB, start } from '../../../../test/helpers/exerciseRuns';

const T0 = 1_000_000;
const data = (s: ExerciseRun) => runOf(s, 'speaker_listener').data;

describe('speaker–listener', () => {
  it('runs speak → paraphrase → correct → retry → confirm, then swaps roles, for the rounds asked', () => {
    let s = start('speaker_listener', { rounds: 2, topicId: 'sl-hope' });
    expect(s).toMatchObject({ phase: 'speaking', turn: A, deadline: T0 + 180_000 });
    expect(data(s).topic).toContain('year from now');
    s = must(s, { type: 'next' }, partnerA, T0 + 1000);
    expect(s).toMatchObject({ phase: 'paraphrasing', turn: B, deadline: T0 + 1000 + 120_000 });
    s = must(s, { type: 'paraphrase', payload: { text: 'What I heard is you want a garden' } }, partnerB, T0 + 2000);
    expect(s).toMatchObject({ phase: 'confirming', turn: A, deadline: null });
    s = must(s, { type: 'confirm', payload: { accurate: false, correction: 'a garden we share' } }, partnerA, T0 + 3000);
    expect(s).toMatchObject({ phase: 'paraphrasing', turn: B });
    s = must(s, { type: 'paraphrase', payload: { text: 'A garden that is ours' } }, partnerB, T0 + 4000);
    s = must(s, { type: 'confirm', payload: { accurate: true } }, partnerA, T0 + 5000);
    expect(s).toMatchObject({ phase: 'speaking', turn: B, deadline: T0 + 5000 + 180_000 });
    expect(data(s).exchanges[0]).toMatchObject({
      outcome: 'confirmed',
      attempts: [{ accurate: false, correction: 'a garden we share' }, { accurate: true }],
    });

    // Three more exchanges finish two rounds.
    for (const [speaker, listener] of [
      [partnerB, partnerA],
      [partnerA, partnerB],
      [partnerB, partnerA],
    ] as const) {
      s = must(s, { type: 'next' }, speaker, T0 + 6000);
      s = must(s, { type: 'paraphrase', payload: { text: 'heard' } }, listener, T0 + 7000);
      s = must(s, { type: 'confirm', payload: { accurate: true } }, speaker, T0 + 8000);
    }
    expect(s).toMatchObject({ status: 'ended', endedReason: 'completed' });
    expect(data(s).exchanges.map((e) => e.speakerId)).toEqual([A, B, A, B]);
  });

  it('does not let the listener end the speaker’s turn or confirm, nor the speaker paraphrase', () => {
    let s = start('speaker_listener');
    expect(errorOf(applyAction(s, { type: 'next' }, partnerB, T0))).toBe('forbidden');
    s = must(s, { type: 'next' }, partnerA, T0);
    expect(errorOf(applyAction(s, { type: 'paraphrase', payload: { text: 'x' } }, partnerA, T0))).toBe('forbidden');
    s = must(s, { type: 'paraphrase', payload: { text: 'x' } }, partnerB, T0);
    expect(errorOf(applyAction(s, { type: 'confirm', payload: { accurate: true } }, partnerB, T0))).toBe('forbidden');
  });

  it('hands the floor to the listener when the speaker’s time runs out, and moves on if no paraphrase comes', () => {
    let s = start('speaker_listener', { turnMinutes: 1, paraphraseMinutes: 1 });
    const first = applyDeadline(s, T0 + 60_000);
    if (!first?.ok) throw new Error('expected expiry');
    s = first.run;
    expect(s).toMatchObject({ phase: 'paraphrasing', turn: B, deadline: T0 + 120_000 });
    const second = applyDeadline(s, T0 + 120_000);
    if (!second?.ok) throw new Error('expected expiry');
    expect(second.run).toMatchObject({ phase: 'speaking', turn: B });
    expect(data(second.run).exchanges[0]!.outcome).toBe('timed_out');
  });

  it('accepts a topic in the couple’s own words', () => {
    const s = start('speaker_listener', { topic: 'Our weekend plans' });
    expect(data(s)).toMatchObject({ topicId: null, topic: 'Our weekend plans' });
  });
});
