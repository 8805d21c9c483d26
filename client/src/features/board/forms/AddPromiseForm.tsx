import { useId, useState, type FormEvent } from 'react';
import { createPromise, type CadenceInput } from '@hearth/shared/board';
import { useBoard } from '../boardContext';
import { VisibilityPicker } from './VisibilityPicker';
import { useCreate } from './useCreate';

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
        <input id={`${id}-text`} value={text} onChange={(e) => setText(e.target.value)} required maxLength={500} autoFocus />
      </div>
      <div className="field-grid">
        <div className="field">
          <label htmlFor={`${id}-cadence`}>How often</label>
          <select id={`${id}-cadence`} value={cadenceType} onChange={(e) => setCadenceType(e.target.value as CadenceInput['type'])}>
            <option value="once">Once</option>
            <option value="daily">Every day</option>
            <option value="weekly">Every week</option>
          </select>
        </div>
        {cadenceType === 'once' && (
          <div className="field">
            <label htmlFor={`${id}-due`}>By</label>
            <input id={`${id}-due`} type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} required />
          </div>
        )}
      </div>
      <VisibilityPicker id={`${id}-vis`} value={visibility} onChange={setVisibility} />
      <button type="submit" className="button primary" disabled={text.trim() === ''}>
        Propose promise
      </button>
    </form>
  );
}
