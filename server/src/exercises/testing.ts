import type { ExerciseAction, ExerciseKind } from '@hearth/shared/exercises';
import { applyAction, startSession } from './lifecycle';
import type { Outcome, StartInput } from './lifecycle';
import type { Actor, ExerciseSession } from './session';

/** Fixtures for the reducer tests: two partners, a counsellor and a clock the test moves. */
export const A = 'a'.repeat(24);
export const B = 'b'.repeat(24);
export const C = 'c'.repeat(24);
export const SPACE = 'd'.repeat(24);

export const partnerA: Actor = { userId: A, role: 'partner', canFacilitate: false };
export const partnerB: Actor = { userId: B, role: 'partner', canFacilitate: false };
export const counsellor: Actor = { userId: C, role: 'counsellor', canFacilitate: false };
export const facilitator: Actor = { userId: C, role: 'counsellor', canFacilitate: true };

/** A new session on its "ready?" step, nobody confirmed yet. */
export function startWaiting(kind: ExerciseKind, options: unknown = {}, extra: Partial<StartInput> = {}): ExerciseSession {
  return startSession({
    id: 'e'.repeat(24),
    spaceId: SPACE,
    kind,
    options,
    participants: [A, B],
    startedBy: A,
    now: 1_000_000,
    seed: 42,
    ...extra,
  });
}

/** A new session past its "ready?" step: both partners confirmed at the start time. */
export function start(kind: ExerciseKind, options: unknown = {}, extra: Partial<StartInput> = {}): ExerciseSession {
  const s = startWaiting(kind, options, extra);
  if (s.status !== 'running') return s;
  const now = extra.now ?? 1_000_000;
  return must(must(s, { type: 'ready' }, partnerA, now), { type: 'ready' }, partnerB, now);
}

/** Apply an action that must succeed, returning the new session. */
export function must(s: ExerciseSession, action: ExerciseAction, actor: Actor, now: number): ExerciseSession {
  const out = applyAction(s, action, actor, now);
  if (!out.ok) throw new Error(`${action.type} by ${actor.userId.slice(0, 1)} failed: ${out.error.code} ${out.error.message}`);
  return out.session;
}

export function errorOf(out: Outcome): string | null {
  return out.ok ? null : out.error.code;
}
