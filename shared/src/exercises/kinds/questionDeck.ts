import { z } from 'zod';
import { QUESTION_THEMES } from '../content/questionThemes';
import { bareAction, LifecycleActions, QuestionTheme, Text } from '../base';

/** Question deck: partners take turns drawing a question and answering it, aloud or written. */
export const QuestionDeckOptions = z.strictObject({
  /** Themes in the deck (default: all). */
  themes: z.array(QuestionTheme).min(1).max(QUESTION_THEMES.length).optional(),
  /** Optional time per card; without it, cards have no countdown. */
  answerMinutes: z.number().min(0.5).max(30).optional(),
});
export type QuestionDeckOptions = z.infer<typeof QuestionDeckOptions>;

export const DrawPayload = z.strictObject({ theme: QuestionTheme.optional() }).optional();
export const AnswerPayload = z.strictObject({ text: Text(2000).optional() }).optional();

export const QuestionDeckAction = z.discriminatedUnion('type', [
  ...LifecycleActions,
  z.strictObject({ type: z.literal('draw'), payload: DrawPayload }),
  z.strictObject({ type: z.literal('answer'), payload: AnswerPayload }),
  bareAction('skip'),
  bareAction('star'),
]);
export type QuestionDeckAction = z.infer<typeof QuestionDeckAction>;

export const DeckCard = z.object({
  questionId: z.string(),
  theme: QuestionTheme,
  text: z.string(),
  drawnBy: z.string(),
  answers: z.array(z.object({ userId: z.string(), text: z.string().nullable() })),
  starred: z.boolean(),
  outcome: z.enum(['answered', 'skipped']).nullable(),
});
export type DeckCard = z.infer<typeof DeckCard>;

export const QuestionDeckData = z.object({
  themes: z.array(QuestionTheme),
  answerMs: z.number().nullable(),
  current: DeckCard.nullable(),
  cards: z.array(DeckCard),
  /** How many questions of each theme are left before that theme starts over. */
  remaining: z.partialRecord(QuestionTheme, z.number()),
});
export type QuestionDeckData = z.infer<typeof QuestionDeckData>;

export const QuestionDeckKind = {
  kind: 'question_deck',
  options: QuestionDeckOptions,
  action: QuestionDeckAction,
  data: QuestionDeckData,
} as const;
