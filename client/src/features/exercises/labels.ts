import type { ExerciseKind } from '@hearth/shared/exercises';

/** How each exercise is named: its title, a one-line blurb, and as it reads in a sentence. */
/** The order the exercises are offered in. */
export const EXERCISE_ORDER = ['checkin', 'speaker_listener', 'question_deck', 'promise_review'] as const satisfies readonly ExerciseKind[];

export const EXERCISE_LABELS: Record<ExerciseKind, { title: string; blurb: string; phrase: string }> = {
  checkin: {
    title: 'Together check-in',
    blurb: 'Both answer privately; the answers appear on both screens at the same moment.',
    phrase: 'a together check-in',
  },
  speaker_listener: {
    title: 'Speaker and listener',
    blurb: 'One speaks, the other says back what they heard, then you swap.',
    phrase: 'a speaker–listener exercise',
  },
  question_deck: {
    title: 'Question deck',
    blurb: 'Take turns drawing questions that open a real conversation.',
    phrase: 'a question deck',
  },
  promise_review: {
    title: 'Promise review',
    blurb: 'Walk through the promises that came due and say how they went.',
    phrase: 'a promise review',
  },
};
