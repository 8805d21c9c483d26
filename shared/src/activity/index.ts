import { z } from 'zod';

/** What kind of thing the other person did (docs/api.md, "Activity"). */
export const ACTIVITY_KINDS = [
  'promise_proposed',
  'promise_accepted',
  'promise_marked',
  'promise_confirmed',
  'promise_renegotiated',
  'card_added',
  'card_acknowledged',
  'card_commented',
  'experience_added',
  'experience_done',
  'reflection_written',
  'appreciation_sent',
  'exercise_finished',
  'item_restored',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** Things waiting on the viewer, listed before the feed. */
export type WaitingKind = 'to_accept' | 'to_confirm' | 'to_acknowledge';

export interface ActivityEventDto {
  id: string;
  kind: ActivityKind;
  at: string;
  by: string;
  byName: string;
  text: string;
  itemId: string | null;
  unread: boolean;
}

export interface WaitingItemDto {
  kind: WaitingKind;
  itemId: string;
  text: string;
  since: string;
}

export interface ActivityResponse {
  waiting: WaitingItemDto[];
  events: ActivityEventDto[];
  unread: number;
  /** Pass as `before` for the next (older) page; null when there is none. */
  nextBefore: string | null;
}

export const ActivityQuery = z.strictObject({ before: z.iso.datetime({ offset: true }).optional() });
