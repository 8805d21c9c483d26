import { keepRateSummary, nameOf, promiseSummary, streakSummary, type Journey } from '@hearth/shared/insights';
import { ChartCard } from './ChartCard';
import { PALETTE } from './format';
import { possessive } from './people';
import { TrendLines, TrendTable } from './TrendLines';
import { WeeklyBars, WeeklyTable, type BarSeries } from './WeeklyBars';

/** Strategy 1 — actions: promise periods kept, repaired, waiting, for each partner; trend; streaks. */
export function PromiseSection({ journey: j }: { journey: Journey }) {
  const keys = j.promises.buckets.map((b) => b.key);
  const personIds = j.people.map((p) => p.id).filter((id) => j.promises.byPerson[id] || !j.people.find((p) => p.id === id)?.former);
  const seriesFor = (id: string): BarSeries[] => {
    const counts = j.promises.buckets.map((b) => b.byPerson[id]);
    return [
      { id: 'kept', label: 'Kept', color: PALETTE.kept, values: counts.map((c) => c?.kept ?? 0) },
      { id: 'renegotiated', label: 'Renegotiated (a repair)', color: PALETTE.repair, values: counts.map((c) => c?.renegotiated ?? 0) },
      { id: 'missed', label: 'Not this time', color: PALETTE.missed, values: counts.map((c) => c?.missed ?? 0) },
      {
        id: 'waiting',
        label: 'Waiting for confirmation',
        color: PALETTE.waiting,
        outline: true,
        values: counts.map((c) => c?.waiting ?? 0),
      },
    ];
  };
  const rate = [
    {
      id: 'rate',
      label: 'Keep rate',
      color: PALETTE.kept,
      points: j.promises.keepRate.map((p) => ({ date: p.key, value: p.rate })),
    },
  ];
  const summary = promiseSummary(j);
  return (
    <section className="jr-section" aria-labelledby="jr-promises">
      <h2 id="jr-promises">Keeping promises</h2>
      <p className="jr-lead">{summary}</p>
      <div className="jr-grid">
        {personIds.map((id) => {
          const counts = j.promises.byPerson[id];
          const title = `${possessive(j, id)} promises`;
          const sentence = counts
            ? `${nameOf(j, id) === 'You' ? 'You' : nameOf(j, id)}: ${counts.kept} kept, ${counts.renegotiated} renegotiated, ${counts.missed} not this time, ${counts.waiting} waiting.`
            : `${nameOf(j, id) === 'You' ? 'You have' : `${nameOf(j, id)} has`} no promise periods here yet.`;
          const series = seriesFor(id);
          return (
            <ChartCard
              key={id}
              testId={`promises-${id}`}
              title={title}
              summary={sentence}
              chart={
                <WeeklyBars
                  keys={keys}
                  unit={j.unit}
                  series={series}
                  label={`${title}: ${sentence}`}
                  emptyText={counts ? undefined : null}
                />
              }
              table={<WeeklyTable keys={keys} unit={j.unit} series={series} caption={title} />}
            />
          );
        })}
        <ChartCard
          title="Keep rate, last 12 weeks"
          summary={keepRateSummary(j)}
          chart={
            <TrendLines
              from={j.promises.keepRate[0]!.key}
              to={j.promises.keepRate.at(-1)!.key}
              series={rate}
              domain={[0, 1]}
              ticks={[0, 0.5, 1]}
              formatTick={(v) => `${Math.round(v * 100)}%`}
              label={keepRateSummary(j)}
            />
          }
          table={
            <TrendTable series={rate} caption="Share of settled promise periods kept, by week" format={(v) => `${Math.round(v * 100)}%`} />
          }
        />
        <section className="jr-card" aria-labelledby="jr-streaks">
          <h3 id="jr-streaks">Streaks</h3>
          <p className="jr-summary">{streakSummary(j)}</p>
          {j.promises.streaks.length > 0 && (
            <ul className="jr-streaks">
              {j.promises.streaks.map((s) => (
                <li key={s.promiseId}>
                  <span className="jr-streak-text">{s.text}</span>
                  <span className="jr-streak-count">
                    {s.current > 0 ? `${s.current} ${s.cadence === 'daily' ? 'days' : 'weeks'} in a row` : `best run ${s.best}`}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </section>
  );
}
