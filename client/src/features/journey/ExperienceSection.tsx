import { CLOSENESS_KINDS, CLOSENESS_LABELS, EXPERIENCE_CATEGORIES } from '@hearth/shared/board';
import { closenessSummary, experienceSummary, type Journey } from '@hearth/shared/insights';
import { BalanceBars, BalanceTable } from './BalanceBars';
import { ChartCard } from './ChartCard';
import { PALETTE } from './format';
import { WeeklyBars, WeeklyTable } from './WeeklyBars';

const CATEGORY_LABELS: Record<(typeof EXPERIENCE_CATEGORIES)[number], string> = {
  travel: 'Travel',
  learning_together: 'Learning together',
  volunteering: 'Volunteering',
  everyday_ritual: 'Rituals',
  other: 'Other',
};

/** Strategy 2 — shared new experiences: done over time, their balance, planned → done, reflections. */
export function ExperienceSection({ journey: j }: { journey: Journey }) {
  const e = j.experiences;
  const keys = e.buckets.map((b) => b.key);
  const done = [{ id: 'done', label: 'Done together', color: PALETTE.neutral, values: e.buckets.map((b) => b.done) }];
  const closeness = CLOSENESS_KINDS.map((k) => ({ label: CLOSENESS_LABELS[k], value: e.closeness[k] }));
  const categories = EXPERIENCE_CATEGORIES.map((k) => ({ label: CATEGORY_LABELS[k], value: e.categories[k] }));
  const categorySummary = `By kind: ${
    categories
      .filter((c) => c.value > 0)
      .map((c) => `${c.label.toLowerCase()} ${c.value}`)
      .join(', ') || 'none done yet'
  }.`;
  return (
    <section className="jr-section" aria-labelledby="jr-experiences">
      <h2 id="jr-experiences">Shared new experiences</h2>
      <p className="jr-lead">{experienceSummary(j)}</p>
      <dl className="jr-funnel" aria-label="Where the plans stand">
        <div>
          <dt>Ideas</dt>
          <dd>{e.status.idea}</dd>
        </div>
        <div>
          <dt>Planned</dt>
          <dd>{e.status.planned}</dd>
        </div>
        <div>
          <dt>Done</dt>
          <dd>{e.status.done}</dd>
        </div>
        <div>
          <dt>Reflections written</dt>
          <dd>{e.reflections}</dd>
        </div>
      </dl>
      <div className="jr-grid">
        <ChartCard
          title="Experiences done"
          summary={experienceSummary(j)}
          chart={<WeeklyBars keys={keys} unit={j.unit} series={done} label={experienceSummary(j)} />}
          table={<WeeklyTable keys={keys} unit={j.unit} series={done} caption="Experiences done" />}
        />
        <ChartCard
          title="Kinds of closeness"
          testId="closeness"
          summary={closenessSummary(j)}
          chart={<BalanceBars rows={closeness} label={closenessSummary(j)} />}
          table={<BalanceTable rows={closeness} caption="Kinds of closeness fed" header="Closeness" />}
        />
        <ChartCard
          title="Kinds of experience"
          summary={categorySummary}
          chart={<BalanceBars rows={categories} label={categorySummary} />}
          table={<BalanceTable rows={categories} caption="Kinds of experience done" header="Kind" />}
        />
      </div>
    </section>
  );
}
