import { useId, useState, type FormEvent } from 'react';
import { createPromise, type CadenceInput } from '@hearth/shared/board';
import { isOneOf } from '@hearth/shared/guards';
import { formatCalendarDate } from '../../../lib/relativeTime';
import { useBoard } from '../boardContext';
import { VisibilityPicker } from './VisibilityPicker';
import { useCreate } from './useCreate';
import { LimitedInput } from './LimitedInput';
import { SubmitButton } from '../../../lib/SubmitButton';

const CADENCE_TYPES: readonly CadenceInput['type'][] = ['once', 'daily', 'weekly'];
const CADENCE_TEXT: Record<CadenceInput['type'], string> = { once: 'Once', daily: 'Every day', weekly: 'Every week' };

export function AddPromiseForm({ onDone }: { onDone(): void }) {
  const id = useId();
  const { partnerId, nameOf } = useBoard();
  const { visibility, setVisibility, create } = useCreate();
  const [text, setText] = useState('');
  const [cadenceType, setCadenceType] = useState<CadenceInput['type']>('weekly');
  const [dueDate, setDueDate] = useState('');

  if (!partnerId) {
    return <p className="muted">A promise is made to your partner. Invite them first, then come back here.</p>;
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const cadence: CadenceInput = cadenceType === 'once' ? { type: 'once', dueDate } : { type: cadenceType };
    if (create((doc, actor, options) => createPromise(doc, actor, { text, promiseeId: partnerId!, cadence }, options))) onDone();
  }

  return (
    <form onSubmit={submit} aria-label="New promise">
      <div className="field">
        <label htmlFor={`${id}-text`}>I promise {nameOf(partnerId)} to…</label>
        <LimitedInput id={`${id}-text`} value={text} onChange={setText} max={500} autoFocus />
      </div>
      <div className="field-grid">
        <div className="field">
          <label htmlFor={`${id}-cadence`}>How often</label>
          <select
            id={`${id}-cadence`}
            value={cadenceType}
            onChange={(e) => {
              if (isOneOf(CADENCE_TYPES, e.target.value)) setCadenceType(e.target.value);
            }}
          >
            {CADENCE_TYPES.map((type) => (
              <option key={type} value={type}>
                {CADENCE_TEXT[type]}
              </option>
            ))}
          </select>
        </div>
        {cadenceType === 'once' && (
          <div className="field">
            <label htmlFor={`${id}-due`}>By</label>
            <input
              id={`${id}-due`}
              type="date"
              value={dueDate}
              onChange={(e) => setDueDate(e.target.value)}
              required
              aria-describedby={`${id}-due-text`}
            />
            <span id={`${id}-due-text`} className="hint">
              {dueDate ? formatCalendarDate(dueDate) : 'Pick a day'}
            </span>
          </div>
        )}
      </div>
      <VisibilityPicker id={`${id}-vis`} value={visibility} onChange={setVisibility} />
      <SubmitButton
        blockedBy={
          text.trim() === '' ? 'Write what you promise first.' : cadenceType === 'once' && !dueDate ? 'Pick the day it is due first.' : null
        }
      >
        Propose promise
      </SubmitButton>
    </form>
  );
}
