import { z } from 'zod';
import { CheckinAnswer, DeckCard, PromiseReviewData, QUESTION_THEMES, QuestionTheme, SpeakerListenerData } from '@hearth/shared/exercises';
import type { ExerciseKind } from '@hearth/shared/exercises';

/** Check-in: answers are kept from the first submit but shown only after the reveal. */
export const CheckinStored = z.object({
  answers: z.array(CheckinAnswer).default(() => []),
  revealedAt: z.number().nullable().default(null),
});
export type CheckinStored = z.infer<typeof CheckinStored>;

/**
 * Question deck: the view adds `remaining` and hides the seed and the used list. Runs stored
 * before a field existed still load: a deck without `themes` was a deck of every theme.
 */
export const QuestionDeckStored = z.object({
  themes: z
    .array(QuestionTheme)
    .min(1)
    .catch(() => [...QUESTION_THEMES]),
  answerMs: z.number().nullable().default(null),
  seed: z.number().default(0),
  draws: z.number().default(0),
  used: z.array(z.string()).default(() => []),
  current: DeckCard.nullable().default(null),
  cards: z.array(DeckCard).default(() => []),
});
export type QuestionDeckStored = z.infer<typeof QuestionDeckStored>;

/** The schema each kind's stored `data` is read with. */
export const STORED_DATA = {
  speaker_listener: SpeakerListenerData,
  checkin: CheckinStored,
  question_deck: QuestionDeckStored,
  promise_review: PromiseReviewData,
} as const satisfies Record<ExerciseKind, z.ZodType>;

export type StoredDataOf<K extends ExerciseKind> = z.infer<(typeof STORED_DATA)[K]>;
