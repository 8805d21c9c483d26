import type { CheckinAnswer } from '@hearth/shared/exercises';
import { fail } from '../run';
import type { ExerciseMachine } from '../run';

export const checkinMachine: ExerciseMachine<'checkin'> = {
  kind: 'checkin',

  init() {
    return { phase: 'answering', turn: null, deadline: null, data: { answers: [], revealedAt: null } };
  },

  act(s, action, actor, now) {
    const data = s.data;
    switch (action.type) {
      case 'submit': {
        if (s.phase !== 'answering') return fail('conflict', 'The answers were already revealed');
        if (actor.role !== 'partner') return fail('forbidden', 'Only partners answer the check-in');
        const p = action.payload;
        const answer: CheckinAnswer = {
          userId: actor.userId,
          mood: p.mood,
          feelings: p.feelings,
          need: p.need,
          note: p.note ?? null,
          submittedAt: now,
        };
        // Changing your answer is fine until the reveal.
        data.answers = [...data.answers.filter((a) => a.userId !== actor.userId), answer];
        const everyone = s.participants.every((id) => data.answers.some((a) => a.userId === id));
        if (!everyone) return { phase: 'answering', turn: null, deadline: null, data };
        data.revealedAt = now;
        data.answers.sort((a, b) => s.participants.indexOf(a.userId) - s.participants.indexOf(b.userId));
        const entries = data.answers.map((a) => ({
          userId: a.userId,
          mood: a.mood,
          feelings: a.feelings,
          need: a.need,
          note: a.note,
          at: now,
          sessionId: s.id,
        }));
        return { phase: 'revealed', turn: null, deadline: null, data, effects: [{ type: 'addCheckins', entries }] };
      }
      case 'next': {
        if (s.phase !== 'revealed') return fail('conflict', 'Waiting for both answers');
        return { phase: s.phase, turn: null, deadline: null, data, finished: true };
      }
      default:
        return fail('invalid_input', `"${action.type}" is not an action of checkin`);
    }
  },

  expire(s) {
    return { phase: s.phase, turn: s.turn, deadline: null, data: s.data };
  },

  /** Answers that were never revealed to both belong to their authors only: nothing is kept. */
  retainOnEnd(data) {
    return data.revealedAt === null ? { ...data, answers: [] } : data;
  },

  /** The one place the reveal rule lives: nobody sees a partner's answer before both submitted. */
  view(data, recipientId) {
    const revealed = data.revealedAt !== null;
    return {
      submitted: data.answers.map((a) => a.userId),
      revealed,
      revealedAt: data.revealedAt,
      answers: revealed ? data.answers : [],
      mine: revealed || recipientId === null ? null : (data.answers.find((a) => a.userId === recipientId) ?? null),
    };
  },
};
