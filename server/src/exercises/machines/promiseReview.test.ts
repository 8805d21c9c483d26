import { describe, expect, it } from 'vitest';
import { applyAction } from '../lifecycle';
import type { ExerciseRun } from '../run';
import { A, B, runOf, errorOf, must, partnerA, partnerB, start, startWaiting } from '../../../../test/helpers/exerciseRuns';

const T0 = 1_000_000;
const promises = [
  { id: 'p1', text: 'Call when I am late', promiserId: A, promiseeId: B, period: '2025-01-02', status: 'accepted' },
  { id: 'p2', text: 'Cook on Sundays', promiserId: B, promiseeId: A, period: '2025-01-03', status: 'accepted' },
];
const data = (s: ExerciseRun) => runOf(s, 'promise_review').data;

describe('promise review', () => {
  it('walks each promise: the promiser marks, the partner confirms, a missed one is renegotiated', () => {
    let s = start('promise_review', {}, { promises, since: '2025-01-01T00:00:00.000Z' });
    expect(s).toMatchObject({ phase: 'reviewing', turn: A });

    expect(errorOf(applyAction(s, { type: 'mark', payload: { promiseId: 'p1', outcome: 'kept' } }, partnerB, T0))).toBe('forbidden');
    const marked = applyAction(s, { type: 'mark', payload: { promiseId: 'p1', outcome: 'kept' } }, partnerA, T0);
    if (!marked.ok) throw new Error(marked.error.message);
    expect(marked.effects).toEqual([{ type: 'markPromise', promiseId: 'p1', period: '2025-01-02', byUserId: A, outcome: 'kept' }]);
    s = marked.run;
    expect(s.turn).toBe(B);
    expect(errorOf(applyAction(s, { type: 'confirm', payload: { promiseId: 'p1' } }, partnerA, T0))).toBe('forbidden');
    s = must(s, { type: 'confirm', payload: { promiseId: 'p1' } }, partnerB, T0);
    s = must(s, { type: 'next' }, partnerB, T0);

    expect(s.turn).toBe(B);
    expect(errorOf(applyAction(s, { type: 'mark', payload: { promiseId: 'p1', outcome: 'missed' } }, partnerB, T0))).toBe('conflict');
    s = must(s, { type: 'mark', payload: { promiseId: 'p2', outcome: 'missed' } }, partnerB, T0);
    expect(errorOf(applyAction(s, { type: 'renegotiate', payload: { promiseId: 'p2', text: 'x' } }, partnerB, T0))).toBe('conflict');
    s = must(s, { type: 'confirm', payload: { promiseId: 'p2' } }, partnerA, T0);
    const reneg = applyAction(s, { type: 'renegotiate', payload: { promiseId: 'p2', text: 'Cook every other Sunday' } }, partnerB, T0);
    if (!reneg.ok) throw new Error(reneg.error.message);
    expect(reneg.effects[0]).toMatchObject({ type: 'renegotiatePromise', promiseId: 'p2', change: { text: 'Cook every other Sunday' } });
    s = must(reneg.run, { type: 'next' }, partnerA, T0);
    expect(s.phase).toBe('summary');
    expect(data(s).items.map((i) => [i.outcome, i.confirmed, i.renegotiatedText])).toEqual([
      ['kept', true, null],
      ['missed', true, 'Cook every other Sunday'],
    ]);
    s = must(s, { type: 'next' }, partnerA, T0);
    expect(s).toMatchObject({ status: 'ended', endedReason: 'completed' });
  });

  it('starts each item as the board has it: marked, or marked and confirmed', () => {
    const onBoard = [
      { ...promises[0]!, outcome: 'kept' as const, confirmed: true },
      { ...promises[1]!, outcome: 'missed' as const, confirmed: false },
    ];
    let s = start('promise_review', {}, { promises: onBoard, since: '2025-01-01T00:00:00.000Z' });
    expect(data(s).items.map((i) => [i.outcome, i.confirmed])).toEqual([
      ['kept', true],
      ['missed', false],
    ]);
    // Settled already: nobody's turn, either partner moves on.
    expect(s).toMatchObject({ phase: 'reviewing', turn: null });
    expect(errorOf(applyAction(s, { type: 'mark', payload: { promiseId: 'p1', outcome: 'kept' } }, partnerA, T0))).toBe('conflict');
    s = must(s, { type: 'next' }, partnerB, T0);
    // Marked, not confirmed: the partner who received it confirms.
    expect(s.turn).toBe(A);
    s = must(s, { type: 'confirm', payload: { promiseId: 'p2' } }, partnerA, T0);
    expect(data(s).items[1]).toMatchObject({ outcome: 'missed', confirmed: true });
  });

  it('opens straight on the summary, with no "ready?" step, when nothing came due; either partner finishes it', () => {
    const s = startWaiting('promise_review', {}, { promises: [] });
    expect(s).toMatchObject({ status: 'running', phase: 'summary', turn: null, deadline: null, ready: [], pending: null });
    expect(errorOf(applyAction(s, { type: 'ready' }, partnerA, T0))).toBe('conflict');
    expect(must(s, { type: 'next' }, partnerB, T0)).toMatchObject({ status: 'ended', endedReason: 'completed' });
  });
});
