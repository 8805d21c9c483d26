import { useId } from 'react';
import type { BoardFilter, StatusFilter, WhoFilter } from './boardFilters';

const WHO: [WhoFilter, string][] = [
  ['everyone', 'Everyone'],
  ['mine', 'Mine'],
  ['partner', 'Partner’s'],
];

const STATUS: [StatusFilter, string][] = [
  ['active', 'Active'],
  ['open', 'Still open'],
  ['completed', 'Completed'],
  ['archived', 'Archived'],
  ['all', 'Everything'],
];

export function BoardFilters({
  filter,
  onChange,
  showWho,
}: {
  filter: BoardFilter;
  onChange(filter: BoardFilter): void;
  showWho: boolean;
}) {
  const id = useId();
  return (
    <div className="board-filters" role="group" aria-label="Filter the board">
      {showWho && (
        <fieldset className="segmented">
          <legend className="visually-hidden">Whose items</legend>
          {WHO.map(([value, label]) => (
            <label key={value} className={filter.who === value ? 'selected' : undefined}>
              <input
                type="radio"
                name={`${id}-who`}
                value={value}
                checked={filter.who === value}
                onChange={() => onChange({ ...filter, who: value })}
              />
              {label}
            </label>
          ))}
        </fieldset>
      )}
      <span className="row">
        <label htmlFor={`${id}-status`}>Status</label>
        <select
          id={`${id}-status`}
          value={filter.status}
          onChange={(e) => {
            const picked = STATUS.find(([value]) => value === e.target.value);
            if (picked) onChange({ ...filter, status: picked[0] });
          }}
          style={{ width: 'auto' }}
        >
          {STATUS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </span>
    </div>
  );
}
