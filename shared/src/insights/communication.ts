import { recordOf } from '../guards';
import { QUESTION_THEMES } from '../exercises/content/questionThemes';
import { emptyBuckets, type InsightContext } from './context';
import { checkinRevealed, deckOf, promiseReviewReviewedSomething, speakerListenerOf, startedAtMs } from './exerciseResults';
import { dateInZone } from './time';
import type { CommunicationInsights } from './types';

/** Speaker–listener "felt heard", question-deck themes and together check-ins in the window. */
export function communicationInsights(ctx: InsightContext): CommunicationInsights {
  const buckets = emptyBuckets(ctx.window, (key) => ({ key, exchanges: 0, heardFirstTime: 0 }));
  const deckAnswered = recordOf(QUESTION_THEMES, () => 0);
  const out: CommunicationInsights = {
    buckets: buckets.list,
    speakerListenerSessions: 0,
    exchanges: 0,
    heardFirstTime: 0,
    deckAnswered,
    deckTotal: 0,
    togetherCheckins: 0,
    promiseReviews: 0,
  };
  for (const e of ctx.exercises) {
    const bucket = buckets.at(dateInZone(startedAtMs(e), ctx.timeZone));
    if (!bucket) continue;
    switch (e.kind) {
      case 'speaker_listener': {
        out.speakerListenerSessions += 1;
        for (const x of speakerListenerOf(e)?.exchanges ?? []) {
          const first = x.attempts[0];
          if (!first || first.accurate === null) continue; // no paraphrase answered yet
          out.exchanges += 1;
          bucket.exchanges += 1;
          if (first.accurate) {
            out.heardFirstTime += 1;
            bucket.heardFirstTime += 1;
          }
        }
        break;
      }
      case 'question_deck':
        for (const card of deckOf(e)?.cards ?? []) {
          if (card.outcome !== 'answered') continue;
          deckAnswered[card.theme] += 1;
          out.deckTotal += 1;
        }
        break;
      case 'checkin':
        if (checkinRevealed(e)) out.togetherCheckins += 1;
        break;
      case 'promise_review':
        // A review with nothing due reviewed nothing; results it cannot read count as held.
        if (e.endedReason === 'completed' && promiseReviewReviewedSomething(e) !== false) out.promiseReviews += 1;
        break;
    }
  }
  return out;
}
