import { z } from 'zod';
import { ItemId, UserId, baseItemShape } from './common';

/** A short note of thanks from one partner to the other. */
export const AppreciationItem = z.looseObject({
  ...baseItemShape,
  kind: z.literal('appreciation'),
  fromId: UserId,
  toId: UserId,
  /** Y.Text; only the author edits it. */
  text: z.string(),
});
export type AppreciationItem = z.infer<typeof AppreciationItem>;

export const APPRECIATION_TEXT_FIELDS = ['text'] as const;

const appreciationText = z.string().trim().min(1, 'must not be empty').max(1000);

export const CreateAppreciationInput = z.strictObject({ toId: UserId, text: appreciationText });
export type CreateAppreciationInput = z.input<typeof CreateAppreciationInput>;

export const UpdateAppreciationInput = z.strictObject({ itemId: ItemId, text: appreciationText });
export type UpdateAppreciationInput = z.input<typeof UpdateAppreciationInput>;
