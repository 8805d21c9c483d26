import { QUESTION_THEMES, THEME_LABELS } from '@hearth/shared/exercises';
import { communicationSummary, deckThemeSummary, understandingSummary, type Journey } from '@hearth/shared/insights';
import { CARD_TYPES } from '@hearth/shared/board';
import { BalanceBars, BalanceTable } from './BalanceBars';
import { ChartCard } from './ChartCard';
import { PALETTE } from './format';
import { WeeklyBars, WeeklyTable } from './WeeklyBars';

const CARD_LABELS: Record<(typeof CARD_TYPES)[number], string> = { need: 'Needs', boundary: 'Boundaries', trigger: 'Triggers' };

/** Strategy 3 — open communication: felt heard the first time, deck themes, check-ins together. */
export function CommunicationSection({ journey: j }: { journey: Journey }) {
  const c = j.communication;
  const keys = c.buckets.map((b) => b.key);
  const heard = [
    { id: 'first', label: 'Felt heard the first time', color: PALETTE.kept, values: c.buckets.map((b) => b.heardFirstTime) },
    { id: 'again', label: 'After another try', color: PALETTE.missed, values: c.buckets.map((b) => b.exchanges - b.heardFirstTime) },
  ];
  const themes = QUESTION_THEMES.map((t) => ({ label: THEME_LABELS[t].label, value: c.deckAnswered[t] }));
  const themeSummary = deckThemeSummary(j);
  return (
    <section className="jr-section" aria-labelledby="jr-communication">
      <h2 id="jr-communication">Open communication</h2>
      <p className="jr-lead" data-testid="communication-lead">
        {communicationSummary(j)}
      </p>
      <dl className="jr-funnel" aria-label="Exercises held" data-testid="exercises-held">
        <div>
          <dt>Speaker–listener</dt>
          <dd>{c.speakerListenerSessions}</dd>
        </div>
        <div>
          <dt>Check-ins together</dt>
          <dd>{c.togetherCheckins}</dd>
        </div>
        <div>
          {/* Only reviews that reviewed a promise: one with nothing due is not counted. */}
          <dt>Promise reviews</dt>
          <dd>{c.promiseReviews}</dd>
        </div>
      </dl>
      <div className="jr-grid">
        <ChartCard
          title="Feeling heard"
          summary={
            c.exchanges === 0
              ? 'No speaker–listener turns in this time.'
              : `The speaker felt heard on the first try ${c.heardFirstTime} of ${c.exchanges} times.`
          }
          chart={<WeeklyBars keys={keys} unit={j.unit} series={heard} label={communicationSummary(j)} />}
          table={<WeeklyTable keys={keys} unit={j.unit} series={heard} caption="Speaker–listener turns" />}
        />
        <ChartCard
          title="Question deck themes"
          testId="deck-themes"
          summary={themeSummary}
          chart={<BalanceBars rows={themes} label={themeSummary} />}
          table={<BalanceTable rows={themes} caption="Deck questions answered per theme" header="Theme" />}
        />
      </div>
    </section>
  );
}

/** Strategy 4 — time, space and understanding: needs, boundaries and triggers understood. */
export function UnderstandingSection({ journey: j }: { journey: Journey }) {
  const u = j.understanding;
  const keys = u.buckets.map((b) => b.key);
  const series = [{ id: 'ack', label: '“I understand”', color: PALETTE.neutral, values: u.buckets.map((b) => b.acknowledged) }];
  const types = CARD_TYPES.map((t) => ({ label: CARD_LABELS[t], value: u.byType[t].acknowledged }));
  const typeSummary = `Understood so far: ${types.map((t, i) => `${t.value} of ${u.byType[CARD_TYPES[i]!].total} ${t.label.toLowerCase()}`).join(', ')}.`;
  return (
    <section className="jr-section" aria-labelledby="jr-understanding">
      <h2 id="jr-understanding">Time, space and understanding</h2>
      <p className="jr-lead">{understandingSummary(j)}</p>
      <div className="jr-grid">
        <ChartCard
          title="“I understand”"
          summary={understandingSummary(j)}
          chart={<WeeklyBars keys={keys} unit={j.unit} series={series} label={understandingSummary(j)} />}
          table={<WeeklyTable keys={keys} unit={j.unit} series={series} caption="Cards acknowledged by the partner" />}
        />
        <ChartCard
          title="Needs, boundaries and triggers"
          testId="understanding-types"
          summary={typeSummary}
          chart={<BalanceBars rows={types} label={typeSummary} />}
          table={<BalanceTable rows={types} caption="Cards understood, by type" header="Type" />}
        />
      </div>
    </section>
  );
}
