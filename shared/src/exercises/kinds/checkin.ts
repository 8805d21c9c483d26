import { z } from 'zod';
import { FEELING_WORD_MAX } from '../content/checkin';
import { LifecycleActions, Text } from '../base';

/** Together check-in: both answer privately; the answers are revealed once both are in. */
export const CheckinOptions = z.strictObject({});
export type CheckinOptions = z.infer<typeof CheckinOptions>;

export const CheckinSubmitPayload = z.strictObject({
  mood: z.number().int().min(1).max(5),
  feelings: z
    .array(Text(FEELING_WORD_MAX))
    .max(8)
    .refine((l) => new Set(l).size === l.length, 'no duplicates'),
  need: Text(280),
  note: Text(1000).optional(),
});
export type CheckinSubmitPayload = z.infer<typeof CheckinSubmitPayload>;

export const CheckinAction = z.discriminatedUnion('type', [
  ...LifecycleActions,
  z.strictObject({ type: z.literal('submit'), payload: CheckinSubmitPayload }),
]);
export type CheckinAction = z.infer<typeof CheckinAction>;

export const CheckinAnswer = z.object({
  userId: z.string(),
  mood: z.number(),
  feelings: z.array(z.string()),
  need: z.string(),
  note: z.string().nullable(),
  submittedAt: z.number(),
});
export type CheckinAnswer = z.infer<typeof CheckinAnswer>;

/** Before the reveal: who has submitted, and (for that person only) their own answer. */
export const CheckinData = z.object({
  submitted: z.array(z.string()),
  revealed: z.boolean(),
  revealedAt: z.number().nullable(),
  /** Empty for everyone until the reveal; then both answers, for everyone at once. */
  answers: z.array(CheckinAnswer),
  /** The recipient's own answer before the reveal (never the partner's). */
  mine: CheckinAnswer.nullable(),
});
export type CheckinData = z.infer<typeof CheckinData>;

export const CheckinKind = {
  kind: 'checkin',
  options: CheckinOptions,
  action: CheckinAction,
  data: CheckinData,
} as const;
