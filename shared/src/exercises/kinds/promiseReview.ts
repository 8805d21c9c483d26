import { z } from 'zod';
import { LifecycleActions, Text } from '../base';

/** Promise review: walk the promises that came due, mark, confirm and renegotiate them. */
export const PromiseReviewOptions = z.strictObject({
  /** Review promises due since this moment (default: the end of the last review). */
  since: z.iso.datetime().optional(),
});
export type PromiseReviewOptions = z.infer<typeof PromiseReviewOptions>;

export const MarkPayload = z.strictObject({ promiseId: Text(128), outcome: z.enum(['kept', 'missed']) });
export const PromiseConfirmPayload = z.strictObject({ promiseId: Text(128) });
export const RenegotiatePayload = z.strictObject({
  promiseId: Text(128),
  text: Text(500),
  /** A new date for a one-off promise whose date has passed (YYYY-MM-DD). */
  dueDate: z.iso.date().optional(),
});

export const PromiseReviewAction = z.discriminatedUnion('type', [
  ...LifecycleActions,
  z.strictObject({ type: z.literal('mark'), payload: MarkPayload }),
  z.strictObject({ type: z.literal('confirm'), payload: PromiseConfirmPayload }),
  z.strictObject({ type: z.literal('renegotiate'), payload: RenegotiatePayload }),
]);
export type PromiseReviewAction = z.infer<typeof PromiseReviewAction>;

export const ReviewItem = z.object({
  promiseId: z.string(),
  text: z.string(),
  promiserId: z.string(),
  promiseeId: z.string(),
  /** The period under review (YYYY-MM-DD); a repeating promise can appear once per period. */
  period: z.string(),
  outcome: z.enum(['kept', 'missed']).nullable(),
  confirmed: z.boolean(),
  renegotiatedText: z.string().nullable(),
});
export type ReviewItem = z.infer<typeof ReviewItem>;

/** A miss the promisee has confirmed: only this can be renegotiated (once). */
export function isConfirmedMiss(item: ReviewItem): boolean {
  return item.outcome === 'missed' && item.confirmed;
}

/** The `since` of a couple's first review: with no review before it, everything counts. */
export const FIRST_REVIEW_SINCE = new Date(0).toISOString();

export function isFirstReview(since: string): boolean {
  return Date.parse(since) === 0;
}

/** What both partners see; it is also what the server keeps. */
export const PromiseReviewData = z.object({
  since: z.string(),
  items: z.array(ReviewItem),
  /** Index of the promise under review; equals items.length once all were walked. */
  current: z.number(),
});
export type PromiseReviewData = z.infer<typeof PromiseReviewData>;

export const PromiseReviewKind = {
  kind: 'promise_review',
  options: PromiseReviewOptions,
  action: PromiseReviewAction,
  data: PromiseReviewData,
} as const;
