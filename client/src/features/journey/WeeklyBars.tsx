import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import { Group } from '@visx/group';
import type { BucketUnit } from '@hearth/shared/insights';
import { bucketHeader, formatBucket } from './format';
import { useWidth } from './useWidth';

export interface BarSeries {
  id: string;
  label: string;
  color: string;
  values: number[];
  /** Drawn as an outline: something still open (a mark waiting for confirmation). */
  outline?: boolean;
}

const HEIGHT = 160;
const MARGIN = { top: 8, right: 8, bottom: 24, left: 28 };

/** Stacked bars per week or month; the chart's text alternative is its summary and table. */
export function WeeklyBars({
  keys,
  unit,
  series,
  label,
  emptyText = 'Nothing here in this time yet.',
}: {
  keys: string[];
  unit: BucketUnit;
  series: BarSeries[];
  label: string;
  /** null when the card's summary already says there is nothing. */
  emptyText?: string | null;
}) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const innerW = Math.max(0, width - MARGIN.left - MARGIN.right);
  const innerH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const totals = keys.map((_, i) => series.reduce((n, s) => n + (s.values[i] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const x = scaleBand<string>({ domain: keys, range: [0, innerW], padding: 0.25 });
  // A few weeks on a wide screen would otherwise give slabs; bars stay at most 40 px wide.
  const barW = Math.min(40, x.bandwidth());
  const inset = (x.bandwidth() - barW) / 2;
  if (totals.every((t) => t === 0)) {
    // Same measured wrapper, so the chart has its width the moment the first bar arrives.
    return (
      <div ref={ref} className="jr-svg">
        {emptyText && <p className="muted jr-empty">{emptyText}</p>}
      </div>
    );
  }
  const y = scaleLinear<number>({ domain: [0, max], range: [innerH, 0], nice: true });
  const top = y.domain()[1] ?? max;
  // About one label per 56 px, always the first and the last bucket.
  const every = Math.max(1, Math.ceil(keys.length / Math.max(1, Math.floor(innerW / 56))));
  return (
    <div ref={ref} className="jr-svg">
      <svg width={width} height={HEIGHT} role="img" aria-label={label}>
        <Group left={MARGIN.left} top={MARGIN.top} aria-hidden="true">
          <line x1={0} x2={innerW} y1={innerH} y2={innerH} className="jr-axis" />
          <line x1={0} x2={innerW} y1={y(top)} y2={y(top)} className="jr-gridline" />
          <text x={-6} y={y(top)} className="jr-tick" textAnchor="end" dominantBaseline="middle">
            {top}
          </text>
          <text x={-6} y={innerH} className="jr-tick" textAnchor="end" dominantBaseline="middle">
            0
          </text>
          {keys.map((key, i) => {
            let base = 0;
            const bx = (x(key) ?? 0) + inset;
            return (
              <g key={key}>
                {series.map((s) => {
                  const v = s.values[i] ?? 0;
                  if (v === 0) return null;
                  const y0 = y(base);
                  const y1 = y(base + v);
                  base += v;
                  return s.outline ? (
                    <Bar
                      key={s.id}
                      x={bx + 1}
                      y={y1 + 1}
                      width={Math.max(0, barW - 2)}
                      height={Math.max(0, y0 - y1 - 2)}
                      fill="#fffdf9"
                      stroke={s.color}
                      strokeWidth={2}
                      strokeDasharray="3 2"
                    />
                  ) : (
                    <Bar key={s.id} x={bx} y={y1} width={barW} height={y0 - y1} fill={s.color} />
                  );
                })}
                {(i % every === 0 || i === keys.length - 1) && (i === keys.length - 1 || keys.length - 1 - i >= every) && (
                  <text x={bx + barW / 2} y={innerH + 16} className="jr-tick" textAnchor="middle">
                    {formatBucket(key, unit)}
                  </text>
                )}
              </g>
            );
          })}
        </Group>
      </svg>
      <Legend series={series} />
    </div>
  );
}

export function Legend({
  series,
  lines = false,
}: {
  series: Array<Pick<BarSeries, 'id' | 'label' | 'color' | 'outline'>>;
  lines?: boolean;
}) {
  if (series.length < 2) return null;
  return (
    <ul className="jr-legend" aria-hidden="true">
      {series.map((s) => (
        <li key={s.id}>
          {lines ? (
            <span className={`jr-swatch line${s.outline ? ' dashed' : ''}`} style={{ borderColor: s.color }} />
          ) : (
            <span
              className={`jr-swatch${s.outline ? ' outline' : ''}`}
              style={s.outline ? { borderColor: s.color } : { background: s.color }}
            />
          )}
          {s.label}
        </li>
      ))}
    </ul>
  );
}

export function WeeklyTable({ keys, unit, series, caption }: { keys: string[]; unit: BucketUnit; series: BarSeries[]; caption: string }) {
  return (
    <table className="jr-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{bucketHeader(unit)}</th>
          {series.map((s) => (
            <th scope="col" key={s.id}>
              {s.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {keys.map((key, i) => (
          <tr key={key}>
            <th scope="row">{formatBucket(key, unit)}</th>
            {series.map((s) => (
              <td key={s.id}>{s.values[i] ?? 0}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
