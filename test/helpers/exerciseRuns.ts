import { ExerciseStartPayload } from '@hearth/shared/exercises';
import type { ActionInput, ExerciseKind, ExerciseState } from '@hearth/shared/exercises';
import { applyAction, startRun } from '../../server/src/exercises/lifecycle';
import type { Outcome, StartInput } from '../../server/src/exercises/lifecycle';
import type { Actor, ExerciseRun } from '../../server/src/exercises/run';
import { viewFor } from '../../server/src/exercises/view';
/** Fixtures for the reducer tests: two partners, a counsellor and a clock the test moves. */
export const A = 'a'.repeat(24);
export const B = 'b'.repeat(24);
export const C = 'c'.repeat(24);
export const SPACE = 'd'.repeat(24);

export const partnerA: Actor = { userId: A, role: 'partner', canFacilitate: false };
export const partnerB: Actor = { userId: B, role: 'partner', canFacilitate: false };
export const counsellor: Actor = { userId: C, role: 'counsellor', canFacilitate: false };
export const facilitator: Actor = { userId: C, role: 'counsellor', canFacilitate: true };

type Extra = Partial<Pick<StartInput, 'now' | 'seed' | 'promises' | 'since' | 'participants' | 'startedBy'>>;

/** A new run on its "ready?" step, nobody confirmed yet; the options are checked as a client's would be. */
export function startWaiting(kind: ExerciseKind, options: unknown = {}, extra: Extra = {}): ExerciseRun {
  return startRun({
    ...ExerciseStartPayload.parse({ spaceId: SPACE, kind, options }),
    id: 'e'.repeat(24),
    participants: [A, B],
    startedBy: A,
    now: 1_000_000,
    seed: 42,
    ...extra,
  });
}

/** A new run past its "ready?" step: both partners confirmed at the start time. */
export function start(kind: ExerciseKind, options: unknown = {}, extra: Extra = {}): ExerciseRun {
  const s = startWaiting(kind, options, extra);
  if (s.status !== 'running') return s;
  const now = extra.now ?? 1_000_000;
  return must(must(s, { type: 'ready' }, partnerA, now), { type: 'ready' }, partnerB, now);
}

/** Apply an action that must succeed, returning the new run. */
export function must(s: ExerciseRun, action: ActionInput, actor: Actor, now: number): ExerciseRun {
  const out = applyAction(s, action, actor, now);
  if (!out.ok) throw new Error(`${action.type} by ${actor.userId.slice(0, 1)} failed: ${out.error.code} ${out.error.message}`);
  return out.run;
}

export function errorOf(out: Outcome): string | null {
  return out.ok ? null : out.error.code;
}

/** The run, checked to be of `kind` (so its `data` is that kind's). */
export function runOf<K extends ExerciseKind>(s: ExerciseRun, kind: K): Extract<ExerciseRun, { kind: K }> {
  if (!isRunOf(s, kind)) throw new Error(`expected a ${kind} run, got ${s.kind}`);
  return s;
}

/** What `viewerId` receives of the run, checked to be of `kind`. */
export function stateOf<K extends ExerciseKind>(s: ExerciseRun, kind: K, viewerId: string | null): Extract<ExerciseState, { kind: K }> {
  const state = viewFor(s, viewerId, 1_000_000);
  if (!isStateOf(state, kind)) throw new Error(`expected a ${kind} state, got ${state.kind}`);
  return state;
}

function isRunOf<K extends ExerciseKind>(s: ExerciseRun, kind: K): s is Extract<ExerciseRun, { kind: K }> {
  return s.kind === kind;
}

function isStateOf<K extends ExerciseKind>(s: ExerciseState, kind: K): s is Extract<ExerciseState, { kind: K }> {
  return s.kind === kind;
}
