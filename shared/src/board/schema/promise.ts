import { z } from 'zod';
import { CalendarDate, HistoryEntry, IsoDateTime, ItemId, UserId, baseItemShape, historyNote } from './common';

/**
 * How often a promise falls due. Each due occurrence is a "period", named by a calendar date:
 * the due date (once), the day (daily) or the Monday of the week (weekly).
 */
export const PromiseCadence = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('once'), dueDate: CalendarDate }),
  z.looseObject({ type: z.literal('daily') }),
  z.looseObject({ type: z.literal('weekly') }),
]);
export type PromiseCadence = z.infer<typeof PromiseCadence>;

/**
 * proposed → accepted → kept | missed (one-off promises), or renegotiated at any point before
 * it is settled. Recurring promises stay `accepted`; each period's result is in `outcomes`.
 */
export const PROMISE_STATUSES = ['proposed', 'accepted', 'kept', 'missed', 'renegotiated'] as const;
export const PromiseStatus = z.enum(PROMISE_STATUSES);
export type PromiseStatus = z.infer<typeof PromiseStatus>;

export const PROMISE_OUTCOMES = ['kept', 'missed'] as const;
export const PromiseOutcomeValue = z.enum(PROMISE_OUTCOMES);
export type PromiseOutcomeValue = z.infer<typeof PromiseOutcomeValue>;

/** The promiser's mark for one period and the promisee's confirmation of it. */
export const PromiseOutcome = z.looseObject({
  outcome: PromiseOutcomeValue,
  markedAt: IsoDateTime,
  markedBy: UserId,
  note: z.string(),
  confirmedAt: IsoDateTime.nullable(),
  confirmedBy: UserId.nullable(),
});
export type PromiseOutcome = z.infer<typeof PromiseOutcome>;

/** History actions written by this version (readers accept any string). */
export const PROMISE_ACTIONS = ['proposed', 'edited', 'accepted', 'kept', 'missed', 'confirmed', 'renegotiated'] as const;
export type PromiseAction = (typeof PROMISE_ACTIONS)[number];

export const PromiseItem = z.looseObject({
  ...baseItemShape,
  kind: z.literal('promise'),
  /** Y.Text in the document. */
  text: z.string(),
  promiserId: UserId,
  promiseeId: UserId,
  cadence: PromiseCadence,
  status: PromiseStatus,
  statusChangedAt: IsoDateTime,
  acceptedAt: IsoDateTime.nullable(),
  /** period (YYYY-MM-DD) -> outcome. */
  outcomes: z.record(CalendarDate, PromiseOutcome),
  history: z.array(HistoryEntry),
  renegotiatedFrom: ItemId.nullable(),
  renegotiatedInto: ItemId.nullable(),
});
export type PromiseItem = z.infer<typeof PromiseItem>;

export const PROMISE_TEXT_FIELDS = ['text'] as const;

export const CadenceInput = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('once'), dueDate: CalendarDate }),
  z.strictObject({ type: z.literal('daily') }),
  z.strictObject({ type: z.literal('weekly') }),
]);
export type CadenceInput = z.infer<typeof CadenceInput>;

const promiseText = z.string().trim().min(1, 'must not be empty').max(500);

/** The acting partner promises `text` to `promiseeId`. */
export const CreatePromiseInput = z.strictObject({
  text: promiseText,
  promiseeId: UserId,
  cadence: CadenceInput,
  note: historyNote.optional(),
});
export type CreatePromiseInput = z.input<typeof CreatePromiseInput>;

/** Only while proposed, only by the promiser: after acceptance, renegotiate instead. */
export const UpdatePromiseInput = z.strictObject({
  itemId: ItemId,
  text: promiseText.optional(),
  cadence: CadenceInput.optional(),
});
export type UpdatePromiseInput = z.input<typeof UpdatePromiseInput>;

export const AcceptPromiseInput = z.strictObject({ itemId: ItemId, note: historyNote.optional() });
export type AcceptPromiseInput = z.input<typeof AcceptPromiseInput>;

/** `period` defaults to the current period (the due date for a one-off promise). */
export const MarkPromiseInput = z.strictObject({
  itemId: ItemId,
  outcome: PromiseOutcomeValue,
  period: CalendarDate.optional(),
  note: historyNote.optional(),
});
export type MarkPromiseInput = z.input<typeof MarkPromiseInput>;

/** `period` defaults to the latest marked, unconfirmed period. */
export const ConfirmPromiseInput = z.strictObject({
  itemId: ItemId,
  period: CalendarDate.optional(),
  note: historyNote.optional(),
});
export type ConfirmPromiseInput = z.input<typeof ConfirmPromiseInput>;

/** Replaces a promise with a new proposed version; `cadence` defaults to the old one's. */
export const RenegotiatePromiseInput = z.strictObject({
  itemId: ItemId,
  text: promiseText,
  cadence: CadenceInput.optional(),
  note: historyNote.optional(),
});
export type RenegotiatePromiseInput = z.input<typeof RenegotiatePromiseInput>;
