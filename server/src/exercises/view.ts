import type { ExerciseState, ExerciseSummary } from '@hearth/shared/exercises';
import { machineOf } from './machines/index';
import type { ExerciseRun } from './run';

/**
 * The state one person receives. `recipientId` is their user id; the check-in machine uses it
 * to show a partner their own answer (and never the other's) before the reveal.
 */
export function viewFor(s: ExerciseRun, recipientId: string | null, now: number): ExerciseState {
  const isPartner = recipientId !== null && s.participants.includes(recipientId);
  return {
    ...machineOf(s).view(isPartner ? recipientId : null),
    sessionId: s.id,
    phase: s.phase,
    ready: [...s.ready],
    paused: s.paused,
    turn: s.turn,
    deadline: s.deadline,
    serverNow: now,
    participants: [...s.participants],
    remainingMs: s.remainingMs,
    contentVersion: s.contentVersion,
    startedBy: s.startedBy,
    startedAt: s.startedAt,
    endedAt: s.endedAt,
    endedReason: s.endedReason,
  };
}

/** One history line; results are what nobody-in-particular may see (no hidden answers). */
export function summaryOf(s: ExerciseRun): ExerciseSummary {
  return {
    ...machineOf(s).results(),
    sessionId: s.id,
    contentVersion: s.contentVersion,
    participants: [...s.participants],
    startedBy: s.startedBy,
    startedAt: s.startedAt,
    endedAt: s.endedAt,
    endedReason: s.endedReason,
  };
}
