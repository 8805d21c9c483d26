import { z } from 'zod';
import { ItemId, LONG_TEXT, type ItemKind } from './common';
import { EXPERIENCE_TEXT_FIELDS, ExperienceItem } from './experience';
import { PROMISE_TEXT_FIELDS, PromiseItem } from './promise';
import { CARD_TEXT_FIELDS, CardItem } from './card';
import { CHECKIN_TEXT_FIELDS, CheckinItem } from './checkin';
import { APPRECIATION_TEXT_FIELDS, AppreciationItem } from './appreciation';

/** Any board item, as read (validated, Y.Text turned into strings). */
export const BoardItem = z.discriminatedUnion('kind', [ExperienceItem, PromiseItem, CardItem, CheckinItem, AppreciationItem]);
export type BoardItem = z.infer<typeof BoardItem>;

export type BoardItemOf<K extends ItemKind> = Extract<BoardItem, { kind: K }>;

export const ITEM_SCHEMAS = {
  experience: ExperienceItem,
  promise: PromiseItem,
  card: CardItem,
  checkin: CheckinItem,
  appreciation: AppreciationItem,
} as const;

/** Top-level fields held as Y.Text per kind; clients bind inputs to exactly these. */
export const TEXT_FIELDS = {
  experience: EXPERIENCE_TEXT_FIELDS,
  promise: PROMISE_TEXT_FIELDS,
  card: CARD_TEXT_FIELDS,
  checkin: CHECKIN_TEXT_FIELDS,
  appreciation: APPRECIATION_TEXT_FIELDS,
} as const;

export type TextFieldOf<K extends ItemKind> = (typeof TEXT_FIELDS)[K][number];
export type TextField = TextFieldOf<ItemKind>;

/** Place `itemId` right after `afterId` in its kind's list (null = first). */
export const ReorderInput = z.strictObject({ itemId: ItemId, afterId: ItemId.nullable() });
export type ReorderInput = z.input<typeof ReorderInput>;

export const ArchiveInput = z.strictObject({ itemId: ItemId, archived: z.boolean() });
export type ArchiveInput = z.input<typeof ArchiveInput>;

export const ItemRefInput = z.strictObject({ itemId: ItemId });
export type ItemRefInput = z.input<typeof ItemRefInput>;

/** Sets one Y.Text field of an item (rules per kind: see rules.ts `canEditText`). */
export const SetItemTextInput = z.strictObject({
  itemId: ItemId,
  field: z.string().min(1).max(40),
  value: z.string().max(LONG_TEXT),
});
export type SetItemTextInput = z.input<typeof SetItemTextInput>;

/** The three visibility levels; each is its own document (see visibility.ts). */
export const VISIBILITIES = ['private', 'couple', 'space'] as const;
export const Visibility = z.enum(VISIBILITIES);
export type Visibility = z.infer<typeof Visibility>;

/** Move an item to another visibility level (the server picks the two documents). */
export const ChangeVisibilityInput = z.strictObject({ itemId: ItemId, visibility: Visibility });
export type ChangeVisibilityInput = z.input<typeof ChangeVisibilityInput>;
