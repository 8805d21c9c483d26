import type { ExerciseState, ExerciseSummary } from '@hearth/shared/exercises';
import { MACHINES } from './machines/index';
import type { ExerciseSession } from './session';

/**
 * The state one person receives. `recipientId` is their user id; the check-in machine uses it
 * to show a partner their own answer (and never the other's) before the reveal.
 */
export function viewFor(s: ExerciseSession, recipientId: string | null, now: number): ExerciseState {
  const isPartner = recipientId !== null && s.participants.includes(recipientId);
  return {
    sessionId: s.id,
    kind: s.kind,
    phase: s.phase,
    ready: [...s.ready],
    paused: s.paused,
    turn: s.turn,
    deadline: s.deadline,
    serverNow: now,
    participants: [...s.participants],
    data: MACHINES[s.kind].view(s.data, isPartner ? recipientId : null),
    remainingMs: s.remainingMs,
    contentVersion: s.contentVersion,
    startedBy: s.startedBy,
    startedAt: s.startedAt,
    endedAt: s.endedAt,
    endedReason: s.endedReason,
  };
}

/** One history line; results are what nobody-in-particular may see (no hidden answers). */
export function summaryOf(s: ExerciseSession): ExerciseSummary {
  return {
    sessionId: s.id,
    kind: s.kind,
    contentVersion: s.contentVersion,
    participants: [...s.participants],
    startedBy: s.startedBy,
    startedAt: s.startedAt,
    endedAt: s.endedAt,
    endedReason: s.endedReason,
    results: MACHINES[s.kind].view(s.data, null),
  };
}
