import { QUESTION_THEMES } from '@hearth/shared/exercises';
import { fail, otherOf } from '../run';
import type { ExerciseMachine, RunOf, Step } from '../run';
import { drawQuestion, remainingByTheme } from './deckDraw';
import type { QuestionDeckStored } from './storedData';

type S = RunOf<'question_deck'>;

/** Put the current card on the table's pile and hand the deck to `nextDrawer`. */
function closeCard(s: S, outcome: 'answered' | 'skipped', nextDrawer: string): Step<QuestionDeckStored> {
  const card = s.data.current!;
  card.outcome = outcome;
  s.data.cards.push(card);
  s.data.current = null;
  return { phase: 'drawing', turn: nextDrawer, deadline: null, data: s.data };
}

export const questionDeckMachine: ExerciseMachine<'question_deck'> = {
  kind: 'question_deck',

  init({ options, participants, startedBy, seed }) {
    const first = participants.includes(startedBy) ? startedBy : participants[0]!;
    const themes = options.themes ? QUESTION_THEMES.filter((t) => options.themes!.includes(t)) : [...QUESTION_THEMES];
    const data: QuestionDeckStored = {
      themes,
      answerMs: options.answerMinutes ? Math.round(options.answerMinutes * 60_000) : null,
      seed,
      draws: 0,
      used: [],
      current: null,
      cards: [],
    };
    return { phase: 'drawing', turn: first, deadline: null, data };
  },

  act(s, action, actor, now) {
    const data = s.data;
    const card = data.current;
    switch (action.type) {
      case 'draw': {
        if (s.phase !== 'drawing') return fail('conflict', 'Finish the card on the table first');
        if (actor.userId !== s.turn) return fail('forbidden', 'It is your partner’s turn to draw');
        const theme = action.payload?.theme;
        if (theme && !data.themes.includes(theme)) return fail('invalid_input', `payload.theme: ${theme} is not in this deck`);
        const { question, used } = drawQuestion(theme ? [theme] : data.themes, data.used, data.seed, data.draws);
        data.draws += 1;
        data.used = used;
        data.current = {
          questionId: question.id,
          theme: question.theme,
          text: question.text,
          drawnBy: actor.userId,
          answers: [],
          starred: false,
          outcome: null,
        };
        return { phase: 'answering', turn: actor.userId, deadline: data.answerMs ? now + data.answerMs : null, data };
      }
      case 'answer': {
        if (!card) return fail('conflict', 'Draw a card first');
        // No text means "we answered aloud"; writing is optional.
        card.answers = [
          ...card.answers.filter((a) => a.userId !== actor.userId),
          { userId: actor.userId, text: action.payload?.text ?? null },
        ];
        return { phase: s.phase, turn: s.turn, deadline: s.deadline, data };
      }
      case 'star': {
        if (!card) return fail('conflict', 'Draw a card first');
        card.starred = !card.starred;
        return { phase: s.phase, turn: s.turn, deadline: s.deadline, data };
      }
      case 'skip': {
        if (!card) return fail('conflict', 'Draw a card first');
        // Either partner may decline a question, without asking or explaining; the one who
        // drew it draws again.
        return closeCard(s, 'skipped', card.drawnBy);
      }
      case 'next': {
        if (!card) return fail('conflict', 'Draw a card first');
        return closeCard(s, 'answered', otherOf(s.participants, card.drawnBy));
      }
      default:
        return fail('invalid_input', `"${action.type}" is not an action of question_deck`);
    }
  },

  expire(s) {
    if (!s.data.current) return { phase: s.phase, turn: s.turn, deadline: null, data: s.data };
    return closeCard(s, 'answered', otherOf(s.participants, s.data.current.drawnBy));
  },

  view(data) {
    return {
      themes: data.themes,
      answerMs: data.answerMs,
      current: data.current,
      cards: data.cards,
      remaining: remainingByTheme(data.themes, data.used),
    };
  },
};
