import { CARD_TYPES } from '../board';
import { recordOf } from '../guards';
import { emptyBuckets, median, type InsightContext } from './context';
import { dateInZone, daysBetween } from './time';
import type { UnderstandingInsights } from './types';

/**
 * Needs, boundaries and triggers the partner acknowledged, how long that took, and revisits:
 * of the cards the partner can see, since a card in "only me" is not theirs to understand.
 */
export function understandingInsights(ctx: InsightContext): UnderstandingInsights {
  const buckets = emptyBuckets(ctx.window, (key) => ({ key, acknowledged: 0 }));
  const byType = recordOf(CARD_TYPES, () => ({ total: 0, acknowledged: 0 }));
  const waits: number[] = [];
  let acknowledgedInRange = 0;
  let revisited = 0;
  let dueForRevisit = 0;
  for (const card of ctx.sharedCards) {
    byType[card.cardType].total += 1;
    if (card.acknowledgedAt !== null) {
      byType[card.cardType].acknowledged += 1;
      const bucket = buckets.at(dateInZone(card.acknowledgedAt, ctx.timeZone));
      if (bucket) {
        bucket.acknowledged += 1;
        acknowledgedInRange += 1;
        waits.push(Math.max(0, daysBetween(card.createdAt, card.acknowledgedAt)));
      }
    }
    if (card.revisitDate !== null && card.revisitDate <= ctx.today) {
      // Touched (edited, commented, acknowledged) on or after the date set for looking again.
      if (dateInZone(card.updatedAt, ctx.timeZone) >= card.revisitDate) revisited += 1;
      else if (!card.archived) dueForRevisit += 1;
    }
  }
  return {
    buckets: buckets.list,
    cards: ctx.sharedCards.length,
    byType,
    acknowledgedInRange,
    medianDaysToAcknowledge: median(waits),
    revisited,
    dueForRevisit,
  };
}
