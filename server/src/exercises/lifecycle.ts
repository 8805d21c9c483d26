import { EXERCISE_CONTENT_VERSION } from '@hearth/shared/exercises';
import type { ActionInput, ExerciseError } from '@hearth/shared/exercises';
import type { BoardEffect } from './boardWriter';
import { firstStep, machineOf } from './machines/index';
import type { AnyMoved, InitCommon, KindStart } from './machines/index';
import { fail, isError, READY_PHASE } from './run';
import type { Actor, ExerciseRun } from './run';

export type Outcome = { ok: true; run: ExerciseRun; effects: BoardEffect[]; changed: boolean } | { ok: false; error: ExerciseError };

const STEERING = new Set(['pause', 'resume', 'next', 'end']);

export type StartInput = KindStart & InitCommon & { id: string; spaceId: string };

/**
 * A new run opens on the "ready?" step: the machine's first step is prepared (content
 * drawn, promises listed) but held back, untimed, until both partners confirm — unless that
 * step has nothing to do together (`opensAtOnce`), which then opens at once.
 */
export function startRun(input: StartInput): ExerciseRun {
  const { participants, startedBy, now, seed, promises, since } = input;
  const step = firstStep(input, { participants, startedBy, now, seed, promises, since });
  const base: ExerciseRun = {
    ...step.body,
    id: input.id,
    spaceId: input.spaceId,
    contentVersion: EXERCISE_CONTENT_VERSION,
    status: 'running',
    phase: READY_PHASE,
    paused: false,
    turn: null,
    deadline: null,
    remainingMs: null,
    participants: [...input.participants],
    startedBy: input.startedBy,
    startedAt: input.now,
    endedAt: null,
    endedReason: null,
    endedBy: null,
    ready: [],
    pending: { phase: step.phase, turn: step.turn, deadlineIn: step.deadline === null ? null : step.deadline - input.now },
  };
  if (step.finished) return finish(base, 'completed', null, input.now);
  // Nothing to do together (an empty promise review): no "I'm ready" for nothing.
  if (step.opensAtOnce) return { ...base, phase: step.phase, turn: step.turn, deadline: step.deadline, pending: null };
  return base;
}

/** A partner confirms the "ready?" step; once both have, the machine's first step begins now. */
function confirmReady(s: ExerciseRun, actor: Actor, now: number): Outcome {
  if (s.phase !== READY_PHASE || !s.pending) return { ok: false, error: fail('conflict', 'The exercise has already begun') };
  if (s.ready.includes(actor.userId)) return { ok: true, run: s, effects: [], changed: false };
  const ready = [...s.ready, actor.userId];
  if (!s.participants.every((id) => ready.includes(id))) return changed({ ...s, ready });
  const { phase, turn, deadlineIn } = s.pending;
  return changed({ ...s, ready, pending: null, phase, turn, deadline: deadlineIn === null ? null : now + deadlineIn });
}

/** Who may do what, before any kind-specific rule: partners act, a counsellor at most steers. */
export function checkActor(s: ExerciseRun, type: string, actor: Actor): ExerciseError | null {
  if (actor.role === 'counsellor') {
    if (!actor.canFacilitate) return fail('forbidden', 'An observing counsellor can watch but not take part');
    if (!STEERING.has(type)) return fail('forbidden', 'A facilitating counsellor can start, pause, resume, move on and end, not take part');
    return null;
  }
  if (!s.participants.includes(actor.userId)) return fail('forbidden', 'You are not taking part in this exercise');
  return null;
}

/** Apply one action. Never mutates `s`; pause and resume are allowed to either partner at any time. */
export function applyAction(s: ExerciseRun, action: ActionInput, actor: Actor, now: number): Outcome {
  if (s.status !== 'running') return { ok: false, error: fail('conflict', 'This exercise has ended') };
  const denied = checkActor(s, action.type, actor);
  if (denied) return { ok: false, error: denied };

  switch (action.type) {
    case 'pause':
      if (s.paused) return { ok: true, run: s, effects: [], changed: false };
      return changed({
        ...s,
        paused: true,
        deadline: null,
        remainingMs: s.deadline === null ? null : Math.max(0, s.deadline - now),
      });
    case 'resume':
      if (!s.paused) return { ok: true, run: s, effects: [], changed: false };
      return changed({
        ...s,
        paused: false,
        remainingMs: null,
        deadline: s.remainingMs === null ? null : now + s.remainingMs,
      });
    case 'end':
      return changed(finish(s, 'ended', actor.userId, now));
    default:
      break;
  }
  if (s.paused) return { ok: false, error: fail('conflict', 'The exercise is paused; resume it first') };
  if (action.type === 'ready') return confirmReady(s, actor, now);
  // Server-enforced: nothing of the exercise proper (moving on included) before both are ready.
  if (s.phase === READY_PHASE) return { ok: false, error: fail('conflict', 'Waiting until both partners are ready') };

  const step = machineOf(s).act(action, actor, now);
  if (isError(step)) return { ok: false, error: step };
  return { ok: true, run: applyStep(s, step, now), effects: step.effects, changed: true };
}

/** The deadline passed: let the machine advance. Returns null when nothing is due. */
export function applyDeadline(s: ExerciseRun, now: number): Outcome | null {
  if (s.status !== 'running' || s.paused || s.deadline === null || now < s.deadline) return null;
  const step = machineOf(s).expire(now);
  return { ok: true, run: applyStep(s, step, now), effects: step.effects, changed: true };
}

function applyStep(s: ExerciseRun, step: AnyMoved, now: number): ExerciseRun {
  const next: ExerciseRun = { ...s, ...step.body, phase: step.phase, turn: step.turn, deadline: step.deadline };
  return step.finished ? finish(next, 'completed', null, now) : next;
}

function finish(s: ExerciseRun, reason: 'completed' | 'ended', by: string | null, now: number): ExerciseRun {
  return {
    ...s,
    ...machineOf(s).retained(),
    status: 'ended',
    phase: 'ended',
    paused: false,
    turn: null,
    deadline: null,
    remainingMs: null,
    pending: null,
    endedAt: now,
    endedReason: reason,
    endedBy: by,
  };
}

function changed(run: ExerciseRun): Outcome {
  return { ok: true, run, effects: [], changed: true };
}
