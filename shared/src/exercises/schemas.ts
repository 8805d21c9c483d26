import { z } from 'zod';
import { ObjectIdSchema } from '../api/spaces';
import { QUESTION_THEMES } from './content/questionThemes';
import { FEELING_WORD_MAX } from './content/checkin';

/** The four live exercises. */
export const ExerciseKind = z.enum(['speaker_listener', 'checkin', 'question_deck', 'promise_review']);
export type ExerciseKind = z.infer<typeof ExerciseKind>;

export const QuestionTheme = z.enum(QUESTION_THEMES);
export type QuestionTheme = z.infer<typeof QuestionTheme>;

const Text = (max: number) => z.string().trim().min(1).max(max);

// ---- start options, one schema per kind ----

export const SpeakerListenerOptions = z.strictObject({
  /** Minutes the speaker holds the floor (default 3). */
  turnMinutes: z.number().min(0.5).max(20).optional(),
  /** Minutes the listener has to write each paraphrase (default 2). */
  paraphraseMinutes: z.number().min(0.5).max(20).optional(),
  /** A round is both partners speaking once (default 1). */
  rounds: z.number().int().min(1).max(6).optional(),
  /** A prompt from the content (`sl-…`) or a topic in the couple's own words. */
  topicId: z.string().max(40).optional(),
  topic: Text(200).optional(),
  /** Who speaks first (default: whoever started, or the first partner). */
  firstSpeakerId: ObjectIdSchema.optional(),
});
export type SpeakerListenerOptions = z.infer<typeof SpeakerListenerOptions>;

export const CheckinOptions = z.strictObject({});
export type CheckinOptions = z.infer<typeof CheckinOptions>;

export const QuestionDeckOptions = z.strictObject({
  /** Themes in the deck (default: all). */
  themes: z.array(QuestionTheme).min(1).max(QUESTION_THEMES.length).optional(),
  /** Optional time per card; without it, cards have no countdown. */
  answerMinutes: z.number().min(0.5).max(30).optional(),
});
export type QuestionDeckOptions = z.infer<typeof QuestionDeckOptions>;

export const PromiseReviewOptions = z.strictObject({
  /** Review promises due since this moment (default: the end of the last review). */
  since: z.iso.datetime().optional(),
});
export type PromiseReviewOptions = z.infer<typeof PromiseReviewOptions>;

// ---- client → server payloads ----

export const ExerciseStartPayload = z.discriminatedUnion('kind', [
  z.strictObject({ spaceId: ObjectIdSchema, kind: z.literal('speaker_listener'), options: SpeakerListenerOptions.optional() }),
  z.strictObject({ spaceId: ObjectIdSchema, kind: z.literal('checkin'), options: CheckinOptions.optional() }),
  z.strictObject({ spaceId: ObjectIdSchema, kind: z.literal('question_deck'), options: QuestionDeckOptions.optional() }),
  z.strictObject({ spaceId: ObjectIdSchema, kind: z.literal('promise_review'), options: PromiseReviewOptions.optional() }),
]);
export type ExerciseStartPayload = z.infer<typeof ExerciseStartPayload>;

export const ExerciseJoinPayload = z.strictObject({ spaceId: ObjectIdSchema });
export type ExerciseJoinPayload = z.infer<typeof ExerciseJoinPayload>;

export const ExerciseHistoryPayload = z.strictObject({
  spaceId: ObjectIdSchema,
  limit: z.number().int().min(1).max(50).optional(),
  /** Page back: sessions started before this ISO time. */
  before: z.iso.datetime().optional(),
});
export type ExerciseHistoryPayload = z.infer<typeof ExerciseHistoryPayload>;

export const LIFECYCLE_ACTIONS = ['pause', 'resume', 'next', 'end', 'ready'] as const;
export const ExerciseActionType = z.enum([
  ...LIFECYCLE_ACTIONS,
  'paraphrase',
  'confirm',
  'submit',
  'draw',
  'answer',
  'skip',
  'star',
  'mark',
  'renegotiate',
]);
export type ExerciseActionType = z.infer<typeof ExerciseActionType>;

/** The envelope; `payload` is checked per kind with `parseActionPayload` once the session is known. */
export const ExerciseActionPayload = z.strictObject({
  sessionId: ObjectIdSchema,
  type: ExerciseActionType,
  payload: z.unknown().optional(),
});
export type ExerciseActionPayload = z.infer<typeof ExerciseActionPayload>;

// ---- per-kind action payloads ----

const None = z.strictObject({}).optional();

export const ParaphrasePayload = z.strictObject({ text: Text(2000) });
export const SpeakerConfirmPayload = z.strictObject({ accurate: z.boolean(), correction: Text(2000).optional() });
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
export const DrawPayload = z.strictObject({ theme: QuestionTheme.optional() }).optional();
export const AnswerPayload = z.strictObject({ text: Text(2000).optional() }).optional();
export const MarkPayload = z.strictObject({ promiseId: Text(128), outcome: z.enum(['kept', 'missed']) });
export const PromiseConfirmPayload = z.strictObject({ promiseId: Text(128) });
export const RenegotiatePayload = z.strictObject({
  promiseId: Text(128),
  text: Text(500),
  /** A new date for a one-off promise whose date has passed (YYYY-MM-DD). */
  dueDate: z.iso.date().optional(),
});

/** `ready`: a partner confirms the opening "ready?" step (every kind starts with it). */
const lifecycle = { pause: None, resume: None, next: None, end: None, ready: None };

/** Which action types each kind accepts, and the payload each one carries. */
export const ACTION_PAYLOADS = {
  speaker_listener: { ...lifecycle, paraphrase: ParaphrasePayload, confirm: SpeakerConfirmPayload },
  checkin: { ...lifecycle, submit: CheckinSubmitPayload },
  question_deck: { ...lifecycle, draw: DrawPayload, answer: AnswerPayload, skip: None, star: None },
  promise_review: { ...lifecycle, mark: MarkPayload, confirm: PromiseConfirmPayload, renegotiate: RenegotiatePayload },
} as const satisfies Record<ExerciseKind, Partial<Record<ExerciseActionType, z.ZodType>>>;

/** A validated action: the type plus its kind-specific payload. */
export type ExerciseAction =
  | { type: 'pause' | 'resume' | 'next' | 'end' | 'ready' | 'skip' | 'star' }
  | { type: 'paraphrase'; payload: z.infer<typeof ParaphrasePayload> }
  | { type: 'confirm'; payload: z.infer<typeof SpeakerConfirmPayload> | z.infer<typeof PromiseConfirmPayload> }
  | { type: 'submit'; payload: CheckinSubmitPayload }
  | { type: 'draw'; payload: z.infer<typeof DrawPayload> }
  | { type: 'answer'; payload: z.infer<typeof AnswerPayload> }
  | { type: 'mark'; payload: z.infer<typeof MarkPayload> }
  | { type: 'renegotiate'; payload: z.infer<typeof RenegotiatePayload> };

export type ParsedAction = { ok: true; action: ExerciseAction } | { ok: false; message: string };

/** Checks an action's payload against the schema for this kind; unknown types are refused. */
export function parseActionPayload(kind: ExerciseKind, type: ExerciseActionType, payload: unknown): ParsedAction {
  const table = ACTION_PAYLOADS[kind] as Partial<Record<ExerciseActionType, z.ZodType>>;
  const schema = table[type];
  if (!schema) return { ok: false, message: `"${type}" is not an action of ${kind}` };
  const result = schema.safeParse(payload);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue && issue.path.length > 0 ? `payload.${issue.path.join('.')}` : 'payload';
    return { ok: false, message: `${field}: ${issue?.message ?? 'invalid'}` };
  }
  return { ok: true, action: { type, payload: result.data } as ExerciseAction };
}
