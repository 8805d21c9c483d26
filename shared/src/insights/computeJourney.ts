import { byKind, type InsightContext } from './context';
import { communicationInsights } from './communication';
import { experienceInsights } from './experiences';
import { appreciationInsights, moodInsights } from './moods';
import { promiseInsights, streaksOf } from './promises';
import { dateInZone, windowOf } from './time';
import { timelineOf } from './timeline';
import { understandingInsights } from './understanding';
import type { Journey, JourneyInput, JourneySource } from './types';
import { startedAtMs } from './exerciseResults';

/** The oldest calendar date in the data, so "everything" starts where the couple did. */
function earliestDate(input: JourneyInput): string | null {
  // Compared as strings (ISO date-times in UTC and calendar dates both sort that way), so only
  // the oldest instant is converted to the couple's calendar.
  let firstInstant: string | null = null;
  let firstDate: string | null = null;
  for (const { item } of input.sources) {
    if (firstInstant === null || item.createdAt < firstInstant) firstInstant = item.createdAt;
    if (item.kind === 'checkin' && (firstDate === null || item.date < firstDate)) firstDate = item.date;
    if (item.kind === 'promise')
      for (const period of Object.keys(item.outcomes)) if (firstDate === null || period < firstDate) firstDate = period;
  }
  let firstExercise = Infinity;
  for (const e of input.exercises) firstExercise = Math.min(firstExercise, startedAtMs(e));
  const candidates = [
    firstDate,
    firstInstant === null ? null : dateInZone(firstInstant, input.timeZone),
    Number.isFinite(firstExercise) ? dateInZone(firstExercise, input.timeZone) : null,
  ].filter((d): d is string => d !== null);
  return candidates.length === 0 ? null : candidates.sort()[0]!;
}

function peopleOf(input: JourneyInput, sources: readonly JourneySource[]): Journey['people'] {
  const people: Journey['people'] = input.partners.map((p) => ({ ...p, former: false }));
  const known = new Set(people.map((p) => p.id));
  const addFormer = (id: string) => {
    if (known.has(id)) return;
    known.add(id);
    people.push({ id, name: 'Former partner', former: true });
  };
  for (const { item } of sources) {
    if (item.kind === 'promise') addFormer(item.promiserId);
    if (item.kind === 'checkin') addFormer(item.userId);
  }
  return people;
}

/**
 * Everything the journey view and the Markdown export show, from the items and exercises the
 * viewer may open (nothing else is passed in). Pure: same input, same journey.
 */
export function computeJourney(input: JourneyInput): Journey {
  const timeZone = input.timeZone;
  const today = dateInZone(input.now, timeZone);
  // A counsellor never receives the check-ins of a partner who keeps their mood line private.
  const hideFrom = new Set(input.viewer.role === 'counsellor' ? (input.hiddenMoods ?? []) : []);
  const sources =
    hideFrom.size === 0 ? input.sources : input.sources.filter(({ item }) => !(item.kind === 'checkin' && hideFrom.has(item.userId)));
  const window = windowOf(input.range, today, earliestDate(input));
  const kinds = byKind(sources);
  const ctx: InsightContext = { timeZone, today, window, exercises: input.exercises, ...kinds, streaks: streaksOf(kinds.promises, today) };
  const byVisibility = { private: 0, couple: 0, space: 0 };
  for (const s of sources) byVisibility[s.visibility] += 1;
  const moods = moodInsights(ctx);
  // Said even when no check-in of theirs is left in view (hiding also moves them out of it).
  moods.hidden = [...hideFrom].filter((id) => input.partners.some((p) => p.id === id)).sort();
  return {
    range: input.range,
    unit: window.unit,
    from: window.from,
    to: window.to,
    timeZone,
    viewer: input.viewer,
    people: peopleOf(input, sources),
    basis: { items: sources.length, byVisibility, exercises: input.exercises.length },
    promises: promiseInsights(ctx),
    experiences: experienceInsights(ctx),
    communication: communicationInsights(ctx),
    understanding: understandingInsights(ctx),
    moods,
    appreciations: appreciationInsights(ctx),
    timeline: timelineOf(ctx),
  };
}
