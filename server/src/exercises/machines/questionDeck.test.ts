import { describe, expect, it } from 'vitest';
import { questionsOfTheme } from '@hearth/shared/exercises';
import { applyAction } from '../lifecycle';
import type { ExerciseRun } from '../run';
import { A, B, C, errorOf, must, partnerA, partnerB, start, stateOf } from '../../../../test/helpers/exerciseRuns';
import type { Actor } from '../run';

const T0 = 1_000_000;
const view = (s: ExerciseRun) => stateOf(s, 'question_deck', C).data;

describe('question deck', () => {
  it('takes turns drawing; both may answer aloud or in writing and star; next passes the deck', () => {
    let s = start('question_deck');
    expect(s).toMatchObject({ phase: 'drawing', turn: A });
    expect(errorOf(applyAction(s, { type: 'draw', payload: undefined }, partnerB, T0))).toBe('forbidden');
    s = must(s, { type: 'draw', payload: undefined }, partnerA, T0);
    expect(s.phase).toBe('answering');
    s = must(s, { type: 'answer', payload: { text: 'The garden, always.' } }, partnerA, T0);
    s = must(s, { type: 'answer', payload: undefined }, partnerB, T0); // answered aloud
    s = must(s, { type: 'star' }, partnerB, T0);
    const card = view(s).current!;
    expect(card).toMatchObject({
      drawnBy: A,
      starred: true,
      answers: [
        { userId: A, text: 'The garden, always.' },
        { userId: B, text: null },
      ],
    });
    expect(card.text.length).toBeGreaterThan(10);
    s = must(s, { type: 'next' }, partnerB, T0);
    expect(s).toMatchObject({ phase: 'drawing', turn: B });
    expect(view(s).cards).toHaveLength(1);
  });

  it('lets either partner skip a question; the one who drew it draws again', () => {
    let s = start('question_deck');
    s = must(s, { type: 'draw', payload: undefined }, partnerA, T0);
    s = must(s, { type: 'skip' }, partnerB, T0);
    expect(s).toMatchObject({ phase: 'drawing', turn: A });
    expect(view(s).cards[0]!.outcome).toBe('skipped');
    s = must(s, { type: 'draw', payload: undefined }, partnerA, T0);
    s = must(s, { type: 'skip' }, partnerA, T0);
    expect(s).toMatchObject({ phase: 'drawing', turn: A });
    expect(view(s).cards.map((c) => c.outcome)).toEqual(['skipped', 'skipped']);
  });

  it('repeats no question of a theme until that theme is exhausted', () => {
    let s = start('question_deck', { themes: ['trust', 'boundaries'] });
    const trust = questionsOfTheme('trust');
    const seen: string[] = [];
    const actors: Record<string, Actor> = { [A]: partnerA, [B]: partnerB };
    for (let i = 0; i < trust.length; i++) {
      s = must(s, { type: 'draw', payload: { theme: 'trust' } }, actors[s.turn!]!, T0);
      seen.push(view(s).current!.questionId);
      s = must(s, { type: 'next' }, partnerA, T0);
    }
    expect(new Set(seen).size).toBe(trust.length);
    expect(view(s).remaining).toEqual({ trust: 0, boundaries: questionsOfTheme('boundaries').length });
    s = must(s, { type: 'draw', payload: { theme: 'trust' } }, actors[s.turn!]!, T0);
    expect(view(s).remaining.trust).toBe(trust.length - 1);
    expect(errorOf(applyAction(s, { type: 'next' }, partnerA, T0))).toBeNull();
  });

  it('refuses a theme that is not in this deck', () => {
    const s = start('question_deck', { themes: ['trust'] });
    expect(errorOf(applyAction(s, { type: 'draw', payload: { theme: 'physical' } }, partnerA, T0))).toBe('invalid_input');
  });
});
