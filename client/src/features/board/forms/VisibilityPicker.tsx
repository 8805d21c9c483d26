import { DEFAULT_VISIBILITY, VISIBILITIES, type Visibility } from '@hearth/shared/board';
import { isOneOf } from '@hearth/shared/guards';
import { VISIBILITY_LABEL } from '../boardContext';

export { DEFAULT_VISIBILITY };

const HINT: Record<Visibility, string> = {
  private: 'Only you can see it.',
  couple: 'You and your partner.',
  space: 'You, your partner and your counsellor (once you both consent).',
};

/** "Who can see this" for a new item; the form picks the default (see defaultVisibilityFor). */
export function VisibilityPicker({ id, value, onChange }: { id: string; value: Visibility; onChange(v: Visibility): void }) {
  return (
    <div className="field">
      <label htmlFor={id}>Who can see this</label>
      <select
        id={id}
        value={value}
        onChange={(e) => {
          if (isOneOf(VISIBILITIES, e.target.value)) onChange(e.target.value);
        }}
        aria-describedby={`${id}-hint`}
      >
        {VISIBILITIES.map((v) => (
          <option key={v} value={v}>
            {VISIBILITY_LABEL[v]}
          </option>
        ))}
      </select>
      <span className="hint" id={`${id}-hint`}>
        {HINT[value]}
      </span>
    </div>
  );
}
