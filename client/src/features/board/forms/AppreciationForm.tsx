import { useId, useState, type FormEvent } from 'react';
import { createAppreciation } from '@hearth/shared/board';
import { useBoard } from '../boardContext';
import { VisibilityPicker } from './VisibilityPicker';
import { useCreate } from './useCreate';
import { LimitedInput } from './LimitedInput';
import { SubmitButton } from '../../../lib/SubmitButton';

export function AppreciationForm({ onDone }: { onDone(): void }) {
  const id = useId();
  const { partnerId, nameOf } = useBoard();
  const { visibility, setVisibility, create } = useCreate();
  const [text, setText] = useState('');

  if (!partnerId) return <p className="muted">Appreciations go to your partner. Invite them first.</p>;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (create((doc, actor, options) => createAppreciation(doc, actor, { toId: partnerId!, text }, options))) onDone();
  }

  return (
    <form onSubmit={submit} aria-label="New appreciation">
      <div className="field">
        <label htmlFor={`${id}-text`}>Thank you, {nameOf(partnerId)}, for…</label>
        <LimitedInput id={`${id}-text`} value={text} onChange={setText} max={1000} multiline autoFocus />
      </div>
      <VisibilityPicker id={`${id}-vis`} value={visibility} onChange={setVisibility} />
      <SubmitButton blockedBy={text.trim() === '' ? 'Write what you are thankful for first.' : null}>Send appreciation</SubmitButton>
    </form>
  );
}
