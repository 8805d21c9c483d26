import { scaleLinear } from '@visx/scale';
import { LinePath } from '@visx/shape';
import { Group } from '@visx/group';
import { formatBucket } from './format';
import { Legend } from './WeeklyBars';
import { useWidth } from './useWidth';

export interface TrendSeries {
  id: string;
  label: string;
  color: string;
  dashed?: boolean;
  points: Array<{ date: string; value: number | null }>;
}

const HEIGHT = 170;
const MARGIN = { top: 10, right: 12, bottom: 24, left: 36 };
const DAY = 86_400_000;

function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY;
}

/**
 * Lines over calendar days (keep rate per week, moods per check-in day), with a dot on every
 * point so single days and gaps stay visible; a dashed line tells the second person apart
 * without relying on colour.
 */
export function TrendLines({
  from,
  to,
  series,
  domain,
  ticks,
  formatTick,
  label,
}: {
  from: string;
  to: string;
  series: TrendSeries[];
  domain: [number, number];
  ticks: number[];
  formatTick(value: number): string;
  label: string;
}) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const innerW = Math.max(0, width - MARGIN.left - MARGIN.right);
  const innerH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = scaleLinear<number>({ domain: [dayNumber(from), Math.max(dayNumber(from) + 1, dayNumber(to))], range: [0, innerW] });
  const y = scaleLinear<number>({ domain, range: [innerH, 0] });
  const labels = Math.max(2, Math.min(6, Math.floor(innerW / 70)));
  const span = dayNumber(to) - dayNumber(from);
  const xTicks = Array.from({ length: labels }, (_, i) => {
    const d = new Date((dayNumber(from) + Math.round((span * i) / (labels - 1))) * DAY).toISOString().slice(0, 10);
    return d;
  });
  const dots = series.reduce((n, s) => n + s.points.length, 0) < 400;
  return (
    <div ref={ref} className="jr-svg">
      <svg width={width} height={HEIGHT} role="img" aria-label={label}>
        <Group left={MARGIN.left} top={MARGIN.top} aria-hidden="true">
          {ticks.map((t) => (
            <g key={t}>
              <line x1={0} x2={innerW} y1={y(t)} y2={y(t)} className="jr-gridline" />
              <text x={-6} y={y(t)} className="jr-tick" textAnchor="end" dominantBaseline="middle">
                {formatTick(t)}
              </text>
            </g>
          ))}
          {xTicks.map((d, i) => (
            <text
              key={d}
              x={x(dayNumber(d))}
              y={innerH + 16}
              className="jr-tick"
              textAnchor={i === 0 ? 'start' : i === xTicks.length - 1 ? 'end' : 'middle'}
            >
              {formatBucket(d, 'week')}
            </text>
          ))}
          {series.map((s) => (
            <g key={s.id}>
              <LinePath
                data={s.points}
                defined={(p) => p.value !== null}
                x={(p) => x(dayNumber(p.date))}
                y={(p) => y(p.value ?? 0)}
                stroke={s.color}
                strokeWidth={2.5}
                strokeDasharray={s.dashed ? '6 4' : undefined}
                fill="none"
              />
              {dots &&
                s.points.map(
                  (p) =>
                    p.value !== null && (
                      <circle
                        key={p.date}
                        cx={x(dayNumber(p.date))}
                        cy={y(p.value)}
                        r={3.5}
                        fill={s.dashed ? '#fffdf9' : s.color}
                        stroke={s.color}
                        strokeWidth={2}
                      />
                    ),
                )}
            </g>
          ))}
        </Group>
      </svg>
      <Legend lines series={series.map((s) => ({ id: s.id, label: s.label, color: s.color, outline: s.dashed }))} />
    </div>
  );
}

export function TrendTable({ series, caption, format }: { series: TrendSeries[]; caption: string; format(value: number): string }) {
  const dates = [...new Set(series.flatMap((s) => s.points.map((p) => p.date)))].sort();
  const at = series.map((s) => new Map(s.points.map((p) => [p.date, p.value])));
  return (
    <table className="jr-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          {series.map((s) => (
            <th scope="col" key={s.id}>
              {s.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {dates.map((d) => (
          <tr key={d}>
            <th scope="row">{formatBucket(d, 'week')}</th>
            {at.map((m, i) => {
              const v = m.get(d);
              return <td key={series[i]!.id}>{v === undefined || v === null ? '—' : format(v)}</td>;
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
