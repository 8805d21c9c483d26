import { appreciationSummary, moodSummary, nameOf, type Journey } from '@hearth/shared/insights';
import { ChartCard } from './ChartCard';
import { PALETTE } from './format';
import { styleOf } from './people';
import { TrendLines, TrendTable, type TrendSeries } from './TrendLines';
import { WeeklyBars, WeeklyTable } from './WeeklyBars';

/** Both partners' check-in moods (one line each, a dot per day they checked in) and appreciations. */
export function MoodSection({ journey: j }: { journey: Journey }) {
  const series: TrendSeries[] = j.moods.series.map((s) => ({
    id: s.personId,
    label: nameOf(j, s.personId),
    ...styleOf(j, s.personId),
    points: s.points.map((p) => ({ date: p.date, value: p.mood })),
  }));
  const keys = j.appreciations.buckets.map((b) => b.key);
  const thanks = [{ id: 'thanks', label: 'Appreciations', color: PALETTE.neutral, values: j.appreciations.buckets.map((b) => b.count) }];
  return (
    <section className="jr-section" aria-labelledby="jr-moods">
      <h2 id="jr-moods">Check-ins and appreciations</h2>
      <div className="jr-grid">
        <ChartCard
          wide
          testId="moods"
          title="Moods over time"
          summary={moodSummary(j)}
          chart={
            series.length === 0 ? (
              <p className="muted jr-empty">Mood lines appear here after the first check-ins.</p>
            ) : (
              <TrendLines
                from={j.from}
                to={j.to}
                series={series}
                domain={[1, 5]}
                ticks={[1, 2, 3, 4, 5]}
                formatTick={String}
                label={moodSummary(j)}
              />
            )
          }
          table={<TrendTable series={series} caption="Mood on each check-in day (1–5)" format={String} />}
        />
        <ChartCard
          title="Appreciations"
          testId="appreciations"
          summary={appreciationSummary(j)}
          chart={<WeeklyBars keys={keys} unit={j.unit} series={thanks} label={appreciationSummary(j)} />}
          table={<WeeklyTable keys={keys} unit={j.unit} series={thanks} caption="Appreciations written" />}
        />
      </div>
    </section>
  );
}
