import { z } from 'zod';
import { ObjectIdSchema } from '../api/spaces';
import { LIFECYCLE_ACTIONS } from './base';
import type { ExerciseKind } from './base';
// Other features import these from here.
export { ExerciseKind, QuestionTheme } from './base';
import { CheckinKind } from './kinds/checkin';
import { PromiseReviewKind } from './kinds/promiseReview';
import { QuestionDeckKind } from './kinds/questionDeck';
import { SpeakerListenerKind } from './kinds/speakerListener';

/** One definition per kind: its start options, its actions with their payloads, its `data`. */
export const EXERCISE_KINDS = {
  speaker_listener: SpeakerListenerKind,
  checkin: CheckinKind,
  question_deck: QuestionDeckKind,
  promise_review: PromiseReviewKind,
} as const satisfies { [K in ExerciseKind]: { kind: K; options: z.ZodType; action: z.ZodType; data: z.ZodType } };

type Kinds = typeof EXERCISE_KINDS;
export type OptionsOf<K extends ExerciseKind> = z.infer<Kinds[K]['options']>;
/** A validated action of one kind: its type and the payload that type carries there. */
export type ActionOf<K extends ExerciseKind> = z.infer<Kinds[K]['action']>;
/** What a client sees of one kind's `data`. */
export type DataOf<K extends ExerciseKind> = z.infer<Kinds[K]['data']>;
export type ExerciseAction = ActionOf<ExerciseKind>;

// ---- client → server payloads ----

function startOf<K extends ExerciseKind, O extends z.ZodType>(kind: K, options: O) {
  return z.strictObject({ spaceId: ObjectIdSchema, kind: z.literal(kind), options: options.optional() });
}

export const ExerciseStartPayload = z.discriminatedUnion('kind', [
  startOf('speaker_listener', SpeakerListenerKind.options),
  startOf('checkin', CheckinKind.options),
  startOf('question_deck', QuestionDeckKind.options),
  startOf('promise_review', PromiseReviewKind.options),
]);
export type ExerciseStartPayload = z.infer<typeof ExerciseStartPayload>;
/** Which exercise to start, with that kind's options. */
export type ExerciseStart = { [K in ExerciseKind]: { kind: K; options?: OptionsOf<K> | undefined } }[ExerciseKind];

export const ExerciseJoinPayload = z.strictObject({ spaceId: ObjectIdSchema });
export type ExerciseJoinPayload = z.infer<typeof ExerciseJoinPayload>;

export const ExerciseHistoryPayload = z.strictObject({
  spaceId: ObjectIdSchema,
  limit: z.number().int().min(1).max(50).optional(),
  /** Page back: sessions started before this ISO time. */
  before: z.iso.datetime().optional(),
});
export type ExerciseHistoryPayload = z.infer<typeof ExerciseHistoryPayload>;

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

/** The envelope; `payload` is checked against the kind's actions once the session is known. */
export const ExerciseActionPayload = z.strictObject({
  sessionId: ObjectIdSchema,
  type: ExerciseActionType,
  payload: z.unknown().optional(),
});
export type ExerciseActionPayload = z.infer<typeof ExerciseActionPayload>;

/** An action as it arrives, before its kind's schema has checked it. */
export interface ActionInput {
  type: string;
  payload?: unknown;
}

export type Parsed<A> = { ok: true; action: A } | { ok: false; message: string };

/** Checks an action against one kind's action schema; a type the kind lacks is refused by name. */
export function parseAction<S extends z.ZodType>(schema: S, kind: ExerciseKind, input: ActionInput): Parsed<z.output<S>> {
  const result = schema.safeParse(input.payload === undefined ? { type: input.type } : input);
  if (result.success) return { ok: true, action: result.data };
  const issue = result.error.issues[0];
  if (issue?.path[0] === 'type') return { ok: false, message: `"${input.type}" is not an action of ${kind}` };
  const field = issue && issue.path.length > 0 ? issue.path.join('.') : 'payload';
  return { ok: false, message: `${field}: ${issue?.message ?? 'invalid'}` };
}

/** `parseAction` with the schema looked up by kind. */
export function parseActionPayload(kind: ExerciseKind, type: string, payload: unknown): Parsed<ExerciseAction> {
  return parseAction(EXERCISE_KINDS[kind].action, kind, { type, payload });
}
