import { z } from 'zod';
import { isPositionKey } from '../fractionalIndex';

/**
 * Building blocks of the stored item schemas. Stored objects are `z.looseObject` so fields
 * written by a newer client pass through an older one untouched; inputs are strict.
 */
export const IsoDateTime = z.iso.datetime({ offset: true });
/** A calendar date, YYYY-MM-DD, as the person meant it (no time zone). */
export const CalendarDate = z.iso.date();
export const UserId = z.string().min(1).max(64);
export const ItemId = z.string().min(1).max(128);
export const PositionKey = z.string().refine(isPositionKey, 'not a position key');

export const ITEM_KINDS = ['experience', 'promise', 'card', 'checkin', 'appreciation'] as const;
export const ItemKind = z.enum(ITEM_KINDS);
export type ItemKind = z.infer<typeof ItemKind>;

/** Fields every item has, whatever its kind. */
export const baseItemShape = {
  id: ItemId,
  createdBy: UserId,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  updatedBy: UserId,
  /**
   * When and by whom the item's own content (its words and settings) was last changed, by
   * someone who may change it (`canEditContent`); absent until then. Answers to an item (an
   * acknowledgement, a comment, a heart, a reply, a mark) change `updatedAt` but not these.
   */
  editedAt: IsoDateTime.optional(),
  editedBy: UserId.optional(),
  archived: z.boolean(),
  archivedAt: IsoDateTime.nullable(),
  position: PositionKey,
};

/**
 * One line of an item's history: who did what, when. Append-only, so two partners' entries
 * both survive. `action` is open-ended so a newer client's actions still read.
 */
export const HistoryEntry = z.looseObject({
  at: IsoDateTime,
  by: UserId,
  action: z.string().min(1),
  note: z.string().optional(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

/** Limits for what people type; stored data is not re-checked against them. */
export const SHORT_TEXT = 200;
export const LONG_TEXT = 5000;
export const shortText = z.string().trim().max(SHORT_TEXT);
export const longText = z.string().max(LONG_TEXT);
export const requiredShortText = z.string().trim().min(1, 'must not be empty').max(SHORT_TEXT);
export const requiredLongText = z.string().trim().min(1, 'must not be empty').max(LONG_TEXT);
export const historyNote = z.string().trim().max(1000);
