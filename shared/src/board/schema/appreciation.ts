import { z } from 'zod';
import { IsoDateTime, ItemId, UserId, baseItemShape } from './common';

/** A short note of thanks from one partner to the other. */
export const AppreciationItem = z.looseObject({
  ...baseItemShape,
  kind: z.literal('appreciation'),
  fromId: UserId,
  toId: UserId,
  /** Y.Text; only the author edits it. */
  text: z.string(),
  /**
   * The answer of the partner who received it (`toId`), and only theirs: a heart and a short
   * reply, plain values. Absent on appreciations written before answers existed.
   */
  heartedAt: IsoDateTime.nullable().optional(),
  reply: z.string().optional(),
  repliedAt: IsoDateTime.nullable().optional(),
});
export type AppreciationItem = z.infer<typeof AppreciationItem>;

export const APPRECIATION_TEXT_FIELDS = ['text'] as const;

const appreciationText = z.string().trim().min(1, 'must not be empty').max(1000);

export const CreateAppreciationInput = z.strictObject({ toId: UserId, text: appreciationText });
export type CreateAppreciationInput = z.input<typeof CreateAppreciationInput>;

export const UpdateAppreciationInput = z.strictObject({ itemId: ItemId, text: appreciationText });
export type UpdateAppreciationInput = z.input<typeof UpdateAppreciationInput>;

/** Longest reply to an appreciation. */
export const APPRECIATION_REPLY_MAX = 280;

/**
 * The recipient's answer: set or take back the heart, write or clear (`""`) the reply.
 * At least one of the two.
 */
export const RespondToAppreciationInput = z
  .strictObject({
    itemId: ItemId,
    heart: z.boolean().optional(),
    reply: z.string().trim().max(APPRECIATION_REPLY_MAX).optional(),
  })
  .refine((input) => input.heart !== undefined || input.reply !== undefined, 'heart or reply: give at least one');
export type RespondToAppreciationInput = z.input<typeof RespondToAppreciationInput>;
