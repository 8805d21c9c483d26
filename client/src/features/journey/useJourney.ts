import { useEffect, useMemo, useState } from 'react';
import type { SpaceDto } from '@hearth/shared/api';
import { computeJourney, type Journey, type JourneyRange } from '@hearth/shared/insights';
import type { SpaceDocs } from '../../collab/useSpaceDocs';
import { useBoardEntries } from '../board/useBoardEntries';
import { useExerciseHistory } from './useExerciseHistory';
import { browserTimeZone, useJourneySettings } from './useJourneySettings';

/**
 * The journey, computed in this browser from exactly the documents this person has open
 * (a counsellor's client only has "us + counsellor") and the exercises the server lets them
 * see. Recomputed after every change to those documents, so a partner's confirmation or
 * check-in shows at once.
 */
export function useJourney(docs: SpaceDocs, space: SpaceDto, viewer: Journey['viewer'], range: JourneyRange) {
  const entries = useBoardEntries(docs);
  const exercises = useExerciseHistory(space.id);
  const settings = useJourneySettings(docs.space.doc);
  const timeZone = settings.timeZone ?? browserTimeZone();
  const partners = useMemo(
    () => space.members.filter((m) => m.role === 'partner').map((m) => ({ id: m.userId, name: m.displayName })),
    [space.members],
  );
  // "Today" moves on at midnight even when nothing on the board changes.
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60 * 60 * 1000);
    return () => clearInterval(timer);
  }, []);
  const journey = useMemo(() => {
    const started = performance.now();
    const result = computeJourney({
      sources: entries,
      exercises: exercises.sessions,
      partners,
      viewer,
      timeZone,
      now,
      range,
      hiddenMoods: settings.hiddenMoods,
    });
    // User Timing so bench/journey can read how long a recompute took.
    performance.measure('hearth:journey-compute', { start: started, end: performance.now() });
    return result;
  }, [entries, exercises.sessions, partners, viewer, timeZone, now, range, settings.hiddenMoods]);
  return { journey, settings, timeZone, exercisesLoaded: exercises.loaded };
}
