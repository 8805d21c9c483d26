import type { ActionOf, DataOf, ExerciseError, ExerciseKind, OptionsOf } from '@hearth/shared/exercises';
import type { ErrorCode } from '@hearth/shared/errors';
import type { BoardEffect, PromiseSummary } from './boardWriter';
import type { StoredDataOf } from './machines/storedData';

/** What every run has, whatever its kind. */
export interface RunBase {
  id: string;
  spaceId: string;
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
}

/** One run of an exercise as the server keeps it: `data` may hold what some viewers must not see yet. */
export type RunOf<K extends ExerciseKind> = RunBase & { kind: K; data: StoredDataOf<K> };
export type ExerciseRun = { [K in ExerciseKind]: RunOf<K> }[ExerciseKind];

/** The machine's first step, held back until both partners are ready; the clock starts then. */
export interface PendingStep {
  phase: string;
  turn: string | null;
  /** How long the first step lasts once it begins (null: untimed). */
  deadlineIn: number | null;
}

/** The phase every run starts in: both partners confirm before the exercise begins. */
export const READY_PHASE = 'ready';

/** Who is acting. A counsellor may only steer (pause/resume/next/end), and only when allowed. */
export interface Actor {
  userId: string;
  role: 'partner' | 'counsellor';
  canFacilitate: boolean;
}

/** What a machine returns for one step; `finished` ends the run as completed. */
export interface Step<D> {
  phase: string;
  turn: string | null;
  deadline: number | null;
  data: D;
  finished?: boolean;
  effects?: BoardEffect[];
  /** A first step with nothing to do together (an empty promise review) opens at once, without the "ready?" step. */
  opensAtOnce?: boolean;
}

export interface InitInput<O> {
  options: O;
  participants: string[];
  startedBy: string;
  now: number;
  /** Seeds anything random (the deck's draws) so replaying a run gives the same cards. */
  seed: number;
  /** Promise review only: what came due, and since when. */
  promises?: PromiseSummary[];
  since?: string;
}

/** One exercise kind. `act` gets a private copy of the run, so it may mutate `s.data`. */
export interface ExerciseMachine<K extends ExerciseKind> {
  kind: K;
  init(input: InitInput<OptionsOf<K>>): Step<StoredDataOf<K>>;
  act(s: RunOf<K>, action: ActionOf<K>, actor: Actor, now: number): Step<StoredDataOf<K>> | ExerciseError;
  /** The deadline passed: advance. */
  expire(s: RunOf<K>, now: number): Step<StoredDataOf<K>>;
  /** What `recipientId` may see of `data` (null: someone who is not a partner, or history). */
  view(data: StoredDataOf<K>, recipientId: string | null): DataOf<K>;
  /** What is kept once the run ends (e.g. answers never revealed to both are dropped). */
  retainOnEnd?(data: StoredDataOf<K>): StoredDataOf<K>;
}

export function fail(code: ErrorCode, message: string): ExerciseError {
  return { code, message };
}

export function isError<T extends object>(r: T | ExerciseError): r is ExerciseError {
  return 'code' in r && 'message' in r && !('phase' in r);
}

/** The partner who is not `userId`. */
export function otherOf(participants: string[], userId: string): string {
  return participants.find((p) => p !== userId) ?? userId;
}
