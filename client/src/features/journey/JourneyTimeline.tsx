import { MILESTONE_LABELS, type Journey } from '@hearth/shared/insights';
import { formatDate } from './format';

/** Milestones in the couple's own words, oldest first: the story of the repair. */
export function JourneyTimeline({ journey: j }: { journey: Journey }) {
  return (
    <section className="jr-section" aria-labelledby="jr-timeline">
      <h2 id="jr-timeline">Milestones</h2>
      {j.timeline.length === 0 ? (
        <p className="muted">Milestones appear as you go: the first promise kept, an experience shared, a conversation held.</p>
      ) : (
        <ol className="jr-timeline">
          {j.timeline.map((m, i) => (
            <li key={`${m.date}-${m.kind}-${i}`} className={`jr-milestone jr-${m.kind}`}>
              <time dateTime={m.date}>{formatDate(m.date)}</time>
              <strong>{MILESTONE_LABELS[m.kind]}</strong>
              <span>{m.text}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
