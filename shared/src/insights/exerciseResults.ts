import { z } from 'zod';
import { QuestionTheme } from '../exercises/schemas';
import type { JourneyExercise } from './types';

/**
 * Exercise results come from the server (history summaries or export rows) in the shapes of
 * `shared/src/exercises/state.ts`. Each is read with a lenient schema: a session whose results
 * do not match counts as held, with nothing more read from it.
 */
const SpeakerListenerResults = z.looseObject({
  topic: z.string().optional(),
  exchanges: z.array(
    z.looseObject({
      speakerId: z.string(),
      attempts: z.array(z.looseObject({ accurate: z.boolean().nullable() })),
    }),
  ),
});
const DeckResults = z.looseObject({
  cards: z.array(z.looseObject({ theme: QuestionTheme, outcome: z.enum(['answered', 'skipped']).nullable() })),
});
const PromiseReviewResults = z.looseObject({
  items: z.array(z.looseObject({ outcome: z.enum(['kept', 'missed']).nullable(), renegotiatedText: z.string().nullable().optional() })),
});
// The history view says `revealed`; the stored session (export) has `revealedAt`.
const CheckinResults = z.looseObject({ revealed: z.boolean().optional(), revealedAt: z.number().nullable().optional() });

export function speakerListenerOf(e: JourneyExercise) {
  const parsed = SpeakerListenerResults.safeParse(e.results);
  return parsed.success ? parsed.data : null;
}

export function deckOf(e: JourneyExercise) {
  const parsed = DeckResults.safeParse(e.results);
  return parsed.success ? parsed.data : null;
}

/** Whether a promise review reviewed anything (null: its results cannot be read). */
export function promiseReviewReviewedSomething(e: JourneyExercise): boolean | null {
  const parsed = PromiseReviewResults.safeParse(e.results);
  if (!parsed.success) return null;
  return parsed.data.items.some((i) => i.outcome !== null || (i.renegotiatedText ?? null) !== null);
}

export function checkinRevealed(e: JourneyExercise): boolean {
  const parsed = CheckinResults.safeParse(e.results);
  return parsed.success && (parsed.data.revealed === true || typeof parsed.data.revealedAt === 'number');
}

export function startedAtMs(e: JourneyExercise): number {
  return typeof e.startedAt === 'number' ? e.startedAt : Date.parse(e.startedAt);
}
