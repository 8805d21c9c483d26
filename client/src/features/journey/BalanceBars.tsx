import { PALETTE } from './format';

export interface BalanceRow {
  label: string;
  value: number;
}

/**
 * Horizontal bars for a balance (closeness, kinds of experience, deck themes). Plain HTML,
 * so labels wrap at 375 px and print crisply; the numbers are always written out.
 */
export function BalanceBars({ rows, label }: { rows: BalanceRow[]; label: string }) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <div role="img" aria-label={label} className="jr-balance">
      {rows.map((r) => (
        <div className="jr-balance-row" key={r.label} aria-hidden="true">
          <span className="jr-balance-label">{r.label}</span>
          <span className="jr-balance-track">
            <span className="jr-balance-fill" style={{ width: `${(100 * r.value) / max}%`, background: PALETTE.neutral }} />
          </span>
          <span className="jr-balance-value">{r.value}</span>
        </div>
      ))}
    </div>
  );
}

export function BalanceTable({ rows, caption, header }: { rows: BalanceRow[]; caption: string; header: string }) {
  return (
    <table className="jr-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{header}</th>
          <th scope="col">Count</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label}>
            <th scope="row">{r.label}</th>
            <td>{r.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
