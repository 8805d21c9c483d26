import { useEffect, useMemo, useRef, useState } from 'react';
import type { SpaceDto } from '@hearth/shared/api';
import type { BoardActor } from '@hearth/shared/board';
import { basisSummary, JOURNEY_RANGES, type JourneyRange } from '@hearth/shared/insights';
import type { SpaceDocs } from '../../collab/useSpaceDocs';
import type { PresenceUser } from '../../collab/docConnection';
import { useDocStatus } from '../../collab/useDocStatus';
import { useJourney } from './useJourney';
import { JourneySettingsPanel } from './JourneySettingsPanel';
import { PromiseSection } from './PromiseSection';
import { ExperienceSection } from './ExperienceSection';
import { CommunicationSection, UnderstandingSection } from './CommunicationSection';
import { MoodSection } from './MoodSection';
import { JourneyTimeline } from './JourneyTimeline';
import './journey.css';

const RANGE_LABELS: Record<JourneyRange, string> = { '4w': '4 weeks', '12w': '12 weeks', '1y': 'A year', all: 'Everything' };

/** "Our journey": how the couple's promises, time together and conversations add up, from what this person can open. */
export default function JourneyView({ docs, me, space }: { docs: SpaceDocs; me: PresenceUser; space: SpaceDto }) {
  const [range, setRange] = useState<JourneyRange>('12w');
  const viewer = useMemo(() => ({ id: me.id, role: me.role }), [me.id, me.role]);
  const { journey, settings, timeZone, exercisesLoaded } = useJourney(docs, space, viewer, range);
  const loaded = useDocStatus(docs.all).loaded;
  const partnerIds = useMemo(() => space.members.filter((m) => m.role === 'partner').map((m) => m.userId), [space.members]);
  const actor = useMemo<BoardActor>(() => ({ userId: me.id, partnerIds }), [me.id, partnerIds]);
  const isPartner = me.role === 'partner';

  // For bench/journey: the first frame showing the journey once the documents are synced, and
  // the one after the exercise history (a separate request) has filled in.
  const marked = useRef({ shown: false, exercises: false });
  useEffect(() => {
    if (loaded && !marked.current.shown) {
      marked.current.shown = true;
      requestAnimationFrame(() => performance.mark('hearth:journey-shown'));
    }
    if (loaded && exercisesLoaded && !marked.current.exercises) {
      marked.current.exercises = true;
      requestAnimationFrame(() => performance.mark('hearth:journey-exercises'));
    }
  }, [loaded, exercisesLoaded]);

  if (!loaded) {
    // Figures from half-synced documents would flash wrong numbers; wait for the board.
    return (
      <p className="muted" aria-busy="true" data-testid="journey-loading">
        Opening your journey…
      </p>
    );
  }

  return (
    <div className="journey" data-testid="journey">
      <header className="jr-head">
        <div>
          <h2 className="jr-title">{isPartner ? 'Our journey' : 'Their journey'}</h2>
          <p className="jr-basis" data-testid="journey-basis">
            {basisSummary(journey)}
          </p>
          <p className="jr-seed" data-testid="journey-seed">
            Closeness grows in small steps — with patience, time and space. Each of them counts here.
          </p>
        </div>
        <div className="jr-controls">
          <fieldset className="segmented jr-range">
            <legend className="visually-hidden">Time range</legend>
            {JOURNEY_RANGES.map((r) => (
              <label key={r} className={r === range ? 'selected' : undefined}>
                <input type="radio" name="journey-range" value={r} checked={r === range} onChange={() => setRange(r)} />
                {RANGE_LABELS[r]}
              </label>
            ))}
          </fieldset>
          <button type="button" className="button small jr-print" onClick={() => window.print()}>
            Print
          </button>
        </div>
      </header>
      <JourneySettingsPanel
        docs={docs}
        actor={actor}
        settings={settings}
        timeZone={timeZone}
        isPartner={isPartner}
        hasCounsellor={space.members.some((m) => m.role === 'counsellor')}
      />
      <PromiseSection journey={journey} />
      <ExperienceSection journey={journey} />
      <CommunicationSection journey={journey} />
      <UnderstandingSection journey={journey} />
      <MoodSection journey={journey} />
      <JourneyTimeline journey={journey} />
    </div>
  );
}
