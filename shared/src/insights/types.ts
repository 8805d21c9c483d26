import { z } from 'zod';
import type { BoardItem, CardType, ClosenessKind, ExperienceCategory, Visibility } from '../board';
import { ExerciseKind, QuestionTheme } from '../exercises/schemas';
import type { BucketUnit } from './time';

export const JOURNEY_RANGES = ['4w', '12w', '1y', 'all'] as const;
export const JourneyRange = z.enum(JOURNEY_RANGES);
export type JourneyRange = z.infer<typeof JourneyRange>;

/** One board item and the document it came from: where it lives is who can see it. */
export interface JourneySource {
  item: BoardItem;
  visibility: Visibility;
}

/**
 * The part of an exercise session the journey reads: an `exercise:history` summary on the
 * client, an export row on the server. `results` is checked field by field when read.
 */
export const JourneyExercise = z.looseObject({
  kind: ExerciseKind,
  startedAt: z.union([z.number(), z.iso.datetime({ offset: true })]),
  endedReason: z.enum(['completed', 'ended']).nullable(),
  participants: z.array(z.string()),
  results: z.unknown(),
});
export type JourneyExercise = z.infer<typeof JourneyExercise>;

export interface JourneyPerson {
  id: string;
  name: string;
}

export interface JourneyInput {
  sources: readonly JourneySource[];
  exercises: readonly JourneyExercise[];
  /** The partners in the space now; anyone else found in the data is a partner who left. */
  partners: readonly JourneyPerson[];
  viewer: { id: string; role: 'partner' | 'counsellor' };
  /** The couple's IANA time zone: weeks start on Monday there. */
  timeZone: string;
  now: Date;
  range: JourneyRange;
  /** Partners who keep their mood line out of the counsellor's view. */
  hiddenMoods?: readonly string[];
}

export interface OutcomeCounts {
  kept: number;
  missed: number;
  /** Marked by the promiser, not yet confirmed by the partner. */
  waiting: number;
  /** Replaced by a new version: a repair, not a failure. */
  renegotiated: number;
}

export interface PromiseBucket {
  key: string;
  byPerson: Record<string, OutcomeCounts>;
}

export interface KeepRatePoint {
  key: string;
  kept: number;
  settled: number;
  /** kept / settled, null when nothing was settled that week. */
  rate: number | null;
}

export interface Streak {
  promiseId: string;
  text: string;
  promiserId: string;
  cadence: 'daily' | 'weekly';
  current: number;
  best: number;
}

export interface PromiseInsights {
  buckets: PromiseBucket[];
  totals: OutcomeCounts;
  byPerson: Record<string, OutcomeCounts>;
  /** The same window just before, for "up from"; null for "everything". */
  previous: { kept: number; settled: number } | null;
  /** The last 12 weeks, whatever the range. */
  keepRate: KeepRatePoint[];
  streaks: Streak[];
}

export interface ExperienceInsights {
  buckets: Array<{ key: string; done: number }>;
  doneInRange: number;
  closeness: Record<ClosenessKind, number>;
  categories: Record<ExperienceCategory, number>;
  /** Where every plan stands now (archived ones included). */
  status: { idea: number; planned: number; done: number; dropped: number };
  /** Done in range after having been planned. */
  plannedThenDone: number;
  reflections: number;
}

export interface CommunicationInsights {
  buckets: Array<{ key: string; exchanges: number; heardFirstTime: number }>;
  speakerListenerSessions: number;
  exchanges: number;
  /** Exchanges where the speaker confirmed the first paraphrase as accurate. */
  heardFirstTime: number;
  deckAnswered: Record<QuestionTheme, number>;
  deckTotal: number;
  togetherCheckins: number;
  /** Reviews finished with at least one promise marked or renegotiated (an empty one is not counted). */
  promiseReviews: number;
}

export interface UnderstandingInsights {
  buckets: Array<{ key: string; acknowledged: number }>;
  /** Cards the partner can see ("us", "us + counsellor"); cards in "only me" are not counted. */
  cards: number;
  byType: Record<CardType, { total: number; acknowledged: number }>;
  acknowledgedInRange: number;
  /** Median days from writing a card to the partner's "I understand". */
  medianDaysToAcknowledge: number | null;
  /** Cards looked at again on or after their revisit date. */
  revisited: number;
  dueForRevisit: number;
}

export interface MoodSeries {
  personId: string;
  points: Array<{ date: string; mood: number }>;
}

export interface MoodInsights {
  series: MoodSeries[];
  /** People whose line this viewer does not see because they chose to keep it from the counsellor. */
  hidden: string[];
  checkinDays: number;
}

export interface AppreciationInsights {
  buckets: Array<{ key: string; count: number }>;
  total: number;
  /** Who wrote them in the window (and to whom), one entry per author. */
  byAuthor: Array<{ fromId: string; toId: string; count: number }>;
}

export type MilestoneKind =
  'first_promise_kept' | 'streak' | 'repair' | 'experience_done' | 'hard_conversation' | 'understood' | 'first_together_checkin';

export interface Milestone {
  date: string;
  kind: MilestoneKind;
  /** In the couple's own words where there are some (titles, reflections, topics). */
  text: string;
  personId: string | null;
}

export interface JourneyBasis {
  items: number;
  byVisibility: Record<Visibility, number>;
  exercises: number;
}

export interface Journey {
  range: JourneyRange;
  unit: BucketUnit;
  from: string;
  to: string;
  timeZone: string;
  viewer: JourneyInput['viewer'];
  people: Array<JourneyPerson & { former: boolean }>;
  basis: JourneyBasis;
  promises: PromiseInsights;
  experiences: ExperienceInsights;
  communication: CommunicationInsights;
  understanding: UnderstandingInsights;
  moods: MoodInsights;
  appreciations: AppreciationInsights;
  timeline: Milestone[];
}
