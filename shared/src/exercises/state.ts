import { z } from 'zod';
import type { ErrorCode } from '../errors/errorCodes';
import type { ExerciseKind } from './base';
import { CheckinKind } from './kinds/checkin';
import { PromiseReviewKind } from './kinds/promiseReview';
import { QuestionDeckKind } from './kinds/questionDeck';
import { SpeakerListenerKind } from './kinds/speakerListener';
import type { DataOf } from './schemas';

/**
 * What every client sees of a session. `deadline` and `serverNow` are epoch ms on the server
 * clock: a client computes `offset = serverNow - Date.now()` on receipt and counts down to
 * `deadline - offset`, so both screens agree however far apart their clocks are.
 */
const StateBase = z.object({
  sessionId: z.string(),
  /** "ready" (the opening step both partners confirm), then a per-kind step, or "ended". */
  phase: z.string(),
  /** Partners who confirmed the "ready?" step; the exercise proper begins once both have. */
  ready: z.array(z.string()),
  paused: z.boolean(),
  /** Whose move it is (a userId), or null when either partner may act. */
  turn: z.string().nullable(),
  deadline: z.number().nullable(),
  serverNow: z.number(),
  /** The two partners taking part, in the order they take turns. */
  participants: z.array(z.string()),
  /** While paused, the time that resume will put back on the clock. */
  remainingMs: z.number().nullable(),
  contentVersion: z.number(),
  startedBy: z.string(),
  startedAt: z.number(),
  endedAt: z.number().nullable(),
  endedReason: z.enum(['completed', 'ended']).nullable(),
});

/** One state shape per kind: `kind` tells which `data` it carries. */
export const ExerciseStateSchema = z.discriminatedUnion('kind', [
  StateBase.extend({ kind: z.literal(SpeakerListenerKind.kind), data: SpeakerListenerKind.data }),
  StateBase.extend({ kind: z.literal(CheckinKind.kind), data: CheckinKind.data }),
  StateBase.extend({ kind: z.literal(QuestionDeckKind.kind), data: QuestionDeckKind.data }),
  StateBase.extend({ kind: z.literal(PromiseReviewKind.kind), data: PromiseReviewKind.data }),
]);
export type ExerciseState = z.infer<typeof ExerciseStateSchema>;
export type ExerciseStateOf<K extends ExerciseKind> = Extract<ExerciseState, { kind: K }>;

interface SummaryBase {
  sessionId: string;
  contentVersion: number;
  participants: string[];
  startedBy: string;
  startedAt: number;
  endedAt: number | null;
  endedReason: 'completed' | 'ended' | null;
}

/** One line of history per past session; `results` is the kind's `data` at the end. */
export type ExerciseSummary = { [K in ExerciseKind]: SummaryBase & { kind: K; results: DataOf<K> } }[ExerciseKind];

export interface ExerciseError {
  code: ErrorCode;
  message: string;
}
export type ExerciseFailure = { ok: false; error: ExerciseError };
export type ExerciseAck = { ok: true; state: ExerciseState } | ExerciseFailure;
/** `state` is null when nothing is running in the space. */
export type ExerciseJoinAck = { ok: true; state: ExerciseState | null } | ExerciseFailure;
export type ExerciseHistoryAck = { ok: true; sessions: ExerciseSummary[] } | ExerciseFailure;
