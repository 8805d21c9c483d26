import { z } from 'zod';
import type { ErrorCode } from '../errors/errorCodes';
import { ExerciseKind } from './schemas';
import type { QuestionTheme } from './schemas';

/**
 * What every client sees of a session. `deadline` and `serverNow` are epoch ms on the server
 * clock: a client computes `offset = serverNow - Date.now()` on receipt and counts down to
 * `deadline - offset`, so both screens agree however far apart their clocks are.
 */
export const ExerciseStateSchema = z.object({
  sessionId: z.string(),
  kind: ExerciseKind,
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
  data: z.record(z.string(), z.unknown()),
  /** While paused, the time that resume will put back on the clock. */
  remainingMs: z.number().nullable(),
  contentVersion: z.number(),
  startedBy: z.string(),
  startedAt: z.number(),
  endedAt: z.number().nullable(),
  endedReason: z.enum(['completed', 'ended']).nullable(),
});

export interface ExerciseStateOf<D> extends Omit<z.infer<typeof ExerciseStateSchema>, 'data'> {
  data: D;
}

// ---- per-kind `data` views ----

export interface ParaphraseAttempt {
  text: string;
  /** null until the speaker answers. */
  accurate: boolean | null;
  correction: string | null;
}
export interface SpeakerListenerExchange {
  speakerId: string;
  listenerId: string;
  attempts: ParaphraseAttempt[];
  outcome: 'confirmed' | 'moved_on' | 'timed_out' | null;
}
export interface SpeakerListenerData {
  topicId: string | null;
  topic: string;
  rounds: number;
  turnMs: number;
  paraphraseMs: number;
  /** Index into `exchanges` of the one in progress. */
  current: number;
  exchanges: SpeakerListenerExchange[];
}

export interface CheckinAnswer {
  userId: string;
  mood: number;
  feelings: string[];
  need: string;
  note: string | null;
  submittedAt: number;
}
/** Before the reveal: who has submitted, and (for that person only) their own answer. */
export interface CheckinData {
  submitted: string[];
  revealed: boolean;
  revealedAt: number | null;
  /** Empty for everyone until the reveal; then both answers, for everyone at once. */
  answers: CheckinAnswer[];
  /** The recipient's own answer before the reveal (never the partner's). */
  mine: CheckinAnswer | null;
}

export interface DeckCard {
  questionId: string;
  theme: QuestionTheme;
  text: string;
  drawnBy: string;
  answers: Array<{ userId: string; text: string | null }>;
  starred: boolean;
  outcome: 'answered' | 'skipped' | null;
}
export interface QuestionDeckData {
  themes: QuestionTheme[];
  answerMs: number | null;
  current: DeckCard | null;
  cards: DeckCard[];
  /** How many questions of each theme are left before that theme starts over. */
  remaining: Partial<Record<QuestionTheme, number>>;
}

export interface ReviewItem {
  promiseId: string;
  text: string;
  promiserId: string;
  promiseeId: string;
  /** The period under review (YYYY-MM-DD); a repeating promise can appear once per period. */
  period: string;
  outcome: 'kept' | 'missed' | null;
  confirmed: boolean;
  renegotiatedText: string | null;
}
export interface PromiseReviewData {
  since: string;
  items: ReviewItem[];
  /** Index of the promise under review; equals items.length once all were walked. */
  current: number;
}

export type ExerciseState = ExerciseStateOf<Record<string, unknown>>;

/** One line of history per past session; `results` is the kind's `data` at the end. */
export interface ExerciseSummary {
  sessionId: string;
  kind: ExerciseKind;
  contentVersion: number;
  participants: string[];
  startedBy: string;
  startedAt: number;
  endedAt: number | null;
  endedReason: 'completed' | 'ended' | null;
  results: Record<string, unknown>;
}

export interface ExerciseError {
  code: ErrorCode;
  message: string;
}
export type ExerciseFailure = { ok: false; error: ExerciseError };
export type ExerciseAck = { ok: true; state: ExerciseState } | ExerciseFailure;
/** `state` is null when nothing is running in the space. */
export type ExerciseJoinAck = { ok: true; state: ExerciseState | null } | ExerciseFailure;
export type ExerciseHistoryAck = { ok: true; sessions: ExerciseSummary[] } | ExerciseFailure;
