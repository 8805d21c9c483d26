import { useId, useState, type ReactNode } from 'react';

/**
 * One chart with its one-sentence summary and a "Show as table" toggle. The summary is the
 * chart's accessible description; the table holds the same numbers for screen readers and
 * for anyone who prefers them.
 */
export function ChartCard({
  title,
  summary,
  chart,
  table,
  wide = false,
  testId,
}: {
  title: string;
  summary: string;
  chart: ReactNode;
  table: ReactNode;
  wide?: boolean;
  testId?: string;
}) {
  const [asTable, setAsTable] = useState(false);
  const id = useId();
  return (
    <section className={`jr-card${wide ? ' jr-wide' : ''}`} aria-labelledby={`${id}-title`} data-testid={testId}>
      <div className="jr-card-head">
        <h3 id={`${id}-title`}>{title}</h3>
        <button type="button" className="button small quiet jr-toggle" aria-pressed={asTable} onClick={() => setAsTable((v) => !v)}>
          {asTable ? 'Show as chart' : 'Show as table'}
        </button>
      </div>
      <p className="jr-summary" id={`${id}-summary`} data-testid="summary">
        {summary}
      </p>
      {asTable ? <div className="jr-table-wrap">{table}</div> : <div className="jr-chart">{chart}</div>}
    </section>
  );
}
