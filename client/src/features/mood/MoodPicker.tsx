import { useId } from 'react';
import { MOOD_PROMPT, MOOD_SCALE, moodLabel, type MoodValue } from '@hearth/shared/board';
import './mood.css';

/**
 * The one mood scale, as five radio buttons from heavy to bright; used by the board's check-in
 * form and by the together check-in exercise alike.
 */
export function MoodPicker({
  value,
  onChange,
  legend = MOOD_PROMPT,
}: {
  value: number | null;
  onChange(value: MoodValue): void;
  legend?: string;
}) {
  const name = useId();
  return (
    <fieldset className="mood-scale">
      <legend>{legend}</legend>
      <div className="mood-options">
        {MOOD_SCALE.map((m) => (
          <label key={m.value} className={`mood-option${value === m.value ? ' is-selected' : ''}`} data-mood={m.value}>
            <input type="radio" name={name} value={m.value} checked={value === m.value} onChange={() => onChange(m.value)} />
            <span className="mood-dot" aria-hidden="true" />
            <span className="mood-word">{m.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A given mood on the same scale: five dots and its word ("●●●●○ Good"). */
export function MoodMeter({ value }: { value: number }) {
  const filled = Math.max(0, Math.min(5, Math.round(value)));
  return (
    <span className="mood-meter" role="img" aria-label={`Mood: ${moodLabel(value)}, ${value} of 5`}>
      <span aria-hidden="true" className="mood-meter-dots">
        {'●'.repeat(filled)}
        <span className="mood-meter-empty">{'○'.repeat(5 - filled)}</span>
      </span>{' '}
      <span aria-hidden="true">{moodLabel(value)}</span>
    </span>
  );
}
