import { z } from 'zod';
import { QUESTION_THEMES } from './content/questionThemes';

/** The four live exercises. */
export const ExerciseKind = z.enum(['speaker_listener', 'checkin', 'question_deck', 'promise_review']);
export type ExerciseKind = z.infer<typeof ExerciseKind>;

export const QuestionTheme = z.enum(QUESTION_THEMES);
export type QuestionTheme = z.infer<typeof QuestionTheme>;

export function Text(max: number) {
  return z.string().trim().min(1).max(max);
}

/** An action that carries nothing. */
export const NoPayload = z.strictObject({}).optional();

export function bareAction<T extends string>(type: T) {
  return z.strictObject({ type: z.literal(type), payload: NoPayload });
}

/**
 * Moves every kind accepts; `ready` is a partner confirming the opening "ready?" step. `next`
 * is listed per kind, since what it means (and who may do it) is the kind's own rule.
 */
export const LIFECYCLE_ACTIONS = ['pause', 'resume', 'next', 'end', 'ready'] as const;
export const LifecycleActions = [
  bareAction('pause'),
  bareAction('resume'),
  bareAction('next'),
  bareAction('end'),
  bareAction('ready'),
] as const;
