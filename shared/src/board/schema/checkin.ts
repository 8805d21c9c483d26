import { z } from 'zod';
import { CalendarDate, UserId, baseItemShape } from './common';

/**
 * A partner's check-in for one day. Written in one go by its author (a form or the together
 * check-in exercise), so its fields are plain values rather than Y.Text.
 */
export const CheckinItem = z.looseObject({
  ...baseItemShape,
  kind: z.literal('checkin'),
  userId: UserId,
  date: CalendarDate,
  mood: z.number().int().min(1).max(5),
  feelings: z.array(z.string()),
  need: z.string(),
  note: z.string(),
});
export type CheckinItem = z.infer<typeof CheckinItem>;

export const CHECKIN_TEXT_FIELDS = [] as const;

/**
 * The same payload as the together check-in's `submit` action, plus an optional date
 * (default: today). A second submit for the same date updates that day's check-in.
 */
export const SubmitCheckinInput = z.strictObject({
  date: CalendarDate.optional(),
  mood: z.number().int().min(1).max(5),
  feelings: z
    .array(z.string().trim().min(1).max(40))
    .max(12)
    .refine((list) => new Set(list).size === list.length, 'no duplicates'),
  need: z.string().trim().max(300),
  note: z.string().trim().max(2000).optional(),
});
export type SubmitCheckinInput = z.input<typeof SubmitCheckinInput>;

/** One check-in per user per date, so its id is derived from both. */
export function checkinIdOf(userId: string, date: string): string {
  return `checkin:${userId}:${date}`;
}
