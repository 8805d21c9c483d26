import { z } from 'zod';
import { CalendarDate, IsoDateTime, ItemId, UserId, baseItemShape, longText, requiredLongText } from './common';

/** A needs & boundaries card: what I need, where my boundary is, or what triggers me. */
export const CARD_TYPES = ['need', 'boundary', 'trigger'] as const;
export const CardType = z.enum(CARD_TYPES);
export type CardType = z.infer<typeof CardType>;

export const CardComment = z.looseObject({
  id: ItemId,
  by: UserId,
  at: IsoDateTime,
  text: z.string(),
});
export type CardComment = z.infer<typeof CardComment>;

export const CardItem = z.looseObject({
  ...baseItemShape,
  kind: z.literal('card'),
  /** The author; only they edit statement, helps, avoid, type and revisit date. */
  authorId: UserId,
  cardType: CardType,
  /** Y.Text fields. */
  statement: z.string(),
  helps: z.string(),
  avoid: z.string(),
  /** The partner's "I understand" (understanding, not agreement) and when. */
  acknowledgedBy: UserId.nullable(),
  acknowledgedAt: IsoDateTime.nullable(),
  revisitDate: CalendarDate.nullable(),
  comments: z.array(CardComment),
});
export type CardItem = z.infer<typeof CardItem>;

export const CARD_TEXT_FIELDS = ['statement', 'helps', 'avoid'] as const;

export const CreateCardInput = z.strictObject({
  cardType: CardType,
  statement: requiredLongText,
  helps: longText.default(''),
  avoid: longText.default(''),
  revisitDate: CalendarDate.nullable().default(null),
});
export type CreateCardInput = z.input<typeof CreateCardInput>;

export const UpdateCardInput = z.strictObject({
  itemId: ItemId,
  cardType: CardType.optional(),
  statement: requiredLongText.optional(),
  helps: longText.optional(),
  avoid: longText.optional(),
  revisitDate: CalendarDate.nullable().optional(),
});
export type UpdateCardInput = z.input<typeof UpdateCardInput>;

/** `understood: false` withdraws an earlier acknowledgement. */
export const AcknowledgeCardInput = z.strictObject({
  itemId: ItemId,
  understood: z.boolean().default(true),
});
export type AcknowledgeCardInput = z.input<typeof AcknowledgeCardInput>;

export const AddCardCommentInput = z.strictObject({
  itemId: ItemId,
  text: z.string().trim().min(1, 'must not be empty').max(2000),
});
export type AddCardCommentInput = z.input<typeof AddCardCommentInput>;

export const RemoveCardCommentInput = z.strictObject({ itemId: ItemId, commentId: ItemId });
export type RemoveCardCommentInput = z.input<typeof RemoveCardCommentInput>;
