// "Our journey": pure computations over what the viewer may open (docs/journey.md).
export { JOURNEY_RANGES, JourneyRange, JourneyExercise } from './types';
export type {
  Journey,
  JourneyInput,
  JourneySource,
  JourneyPerson,
  OutcomeCounts,
  PromiseInsights,
  KeepRatePoint,
  Streak,
  ExperienceInsights,
  CommunicationInsights,
  UnderstandingInsights,
  MoodInsights,
  MoodSeries,
  AppreciationInsights,
  Milestone,
  MilestoneKind,
  JourneyBasis,
} from './types';
export { computeJourney } from './computeJourney';
export { dateInZone, isTimeZone, windowOf, bucketOf, RANGE_WEEKS, MAX_WEEK_BUCKETS } from './time';
export type { BucketUnit, Window } from './time';
export { outcomeState, streakOf } from './promises';
export {
  rangePhrase,
  nameOf,
  basisSummary,
  promiseSummary,
  keepRateSummary,
  streakSummary,
  experienceSummary,
  closenessSummary,
  communicationSummary,
  deckThemeSummary,
  understandingSummary,
  moodSummary,
  appreciationSummary,
  MILESTONE_LABELS,
} from './summaries';
export { JOURNEY_SETTINGS_KEY, journeySettingsMap, readJourneySettings, setJourneyTimeZone, setMoodHidden } from './settings';
export type { JourneySettings } from './settings';
export { journeyMarkdown } from './journeyMarkdown';
