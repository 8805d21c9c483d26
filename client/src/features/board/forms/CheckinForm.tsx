import { useId, useState, type FormEvent } from 'react';
import { addCheckin, defaultVisibilityFor, type MoodValue } from '@hearth/shared/board';
import { MoodPicker } from '../../mood/MoodPicker';
import { VisibilityPicker } from './VisibilityPicker';
import { useCreate } from './useCreate';

/** Today's check-in; submitting again the same day updates it. */
export function CheckinForm({ onDone }: { onDone(): void }) {
  const id = useId();
  // Sensitive by default: a check-in starts as "only me".
  const { visibility, setVisibility, create } = useCreate(defaultVisibilityFor('checkin'));
  const [mood, setMood] = useState<MoodValue>(3);
  const [feelings, setFeelings] = useState('');
  const [need, setNeed] = useState('');
  const [note, setNote] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    const words = [
      ...new Set(
        feelings
          .split(',')
          .map((f) => f.trim())
          .filter(Boolean),
      ),
    ];
    if (create((doc, actor, options) => addCheckin(doc, actor, { mood, feelings: words, need, note }, options))) onDone();
  }

  return (
    <form onSubmit={submit} aria-label="Today’s check-in">
      <MoodPicker value={mood} onChange={setMood} />
      <div className="field">
        <label htmlFor={`${id}-feelings`}>Feeling words</label>
        <input
          id={`${id}-feelings`}
          value={feelings}
          onChange={(e) => setFeelings(e.target.value)}
          placeholder="tired, hopeful"
          aria-describedby={`${id}-feelings-hint`}
        />
        <span className="hint" id={`${id}-feelings-hint`}>
          Separate words with commas.
        </span>
      </div>
      <div className="field">
        <label htmlFor={`${id}-need`}>One thing I need today</label>
        <input id={`${id}-need`} value={need} onChange={(e) => setNeed(e.target.value)} maxLength={300} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>Note (optional)</label>
        <textarea id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
      </div>
      <VisibilityPicker id={`${id}-vis`} value={visibility} onChange={setVisibility} />
      <button type="submit" className="button primary">
        Save check-in
      </button>
    </form>
  );
}
