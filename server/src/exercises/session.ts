import type { ExerciseAction, ExerciseError, ExerciseKind } from '@hearth/shared/exercises';
import type { ErrorCode } from '@hearth/shared/errors';
import type { BoardEffect, PromiseSummary } from './boardWriter';

/** A session as the server keeps it: `data` may hold what some viewers must not see yet. */
export interface ExerciseSession<D = unknown> {
  id: string;
  spaceId: string;
  kind: ExerciseKind;
  contentVersion: number;
  status: 'running' | 'ended';
  phase: string;
  paused: boolean;
  turn: string | null;
  /** Epoch ms on the server clock; null while paused or when the step is untimed. */
  deadline: number | null;
  /** While paused: what was left on the clock. */
  remainingMs: number | null;
  participants: string[];
  startedBy: string;
  startedAt: number;
  endedAt: number | null;
  endedReason: 'completed' | 'ended' | null;
  endedBy: string | null;
  /** Partners who confirmed the opening "ready?" step (phase "ready"). */
  ready: string[];
  /** While in the "ready?" step: where the exercise proper begins once both partners confirm. */
  pending: PendingStep | null;
  data: D;
}

/** The machine's first step, held back until both partners are ready; the clock starts then. */
export interface PendingStep {
  phase: string;
  turn: string | null;
  /** How long the first step lasts once it begins (null: untimed). */
  deadlineIn: number | null;
}

/** The phase every session starts in: both partners confirm before the exercise begins. */
export const READY_PHASE = 'ready';

/** Who is acting. A counsellor may only steer (pause/resume/next/end), and only when allowed. */
export interface Actor {
  userId: string;
  role: 'partner' | 'counsellor';
  canFacilitate: boolean;
}

/** What a machine returns for one step; `finished` ends the session as completed. */
export interface Step<D> {
  phase: string;
  turn: string | null;
  deadline: number | null;
  data: D;
  finished?: boolean;
  effects?: BoardEffect[];
}

export interface InitInput<O> {
  options: O;
  participants: string[];
  startedBy: string;
  now: number;
  /** Seeds anything random (the deck's draws) so replaying a session gives the same cards. */
  seed: number;
  /** Promise review only: what came due, and since when. */
  promises?: PromiseSummary[];
  since?: string;
}

/** One exercise kind. `act` gets a private copy of the session, so it may mutate `s.data`. */
export interface ExerciseMachine<D, O> {
  kind: ExerciseKind;
  init(input: InitInput<O>): Step<D>;
  act(s: ExerciseSession<D>, action: ExerciseAction, actor: Actor, now: number): Step<D> | ExerciseError;
  /** The deadline passed: advance. */
  expire(s: ExerciseSession<D>, now: number): Step<D>;
  /** What `recipientId` may see of `data` (null: someone who is not a partner, or history). */
  view(data: D, recipientId: string | null): Record<string, unknown>;
  /** What is kept once the session ends (e.g. answers never revealed to both are dropped). */
  retainOnEnd?(data: D): D;
}

export function fail(code: ErrorCode, message: string): ExerciseError {
  return { code, message };
}

export function isError<D>(r: Step<D> | ExerciseError): r is ExerciseError {
  return 'code' in r && 'message' in r && !('phase' in r);
}

/** The partner who is not `userId`. */
export function otherOf(participants: string[], userId: string): string {
  return participants.find((p) => p !== userId) ?? userId;
}
