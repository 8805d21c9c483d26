import { useId, useState, type FormEvent } from 'react';
import { EXPERIENCE_CATEGORIES, createExperience, type ExperienceCategory } from '@hearth/shared/board';
import { isOneOf } from '@hearth/shared/guards';
import { CATEGORY_TEXT } from '../bodies/ExperienceBody';
import { VisibilityPicker } from './VisibilityPicker';
import { useCreate } from './useCreate';
import { LimitedInput } from './LimitedInput';
import { SubmitButton } from '../../../lib/SubmitButton';

export function AddExperienceForm({ onDone }: { onDone(): void }) {
  const id = useId();
  const { visibility, setVisibility, create } = useCreate();
  const [title, setTitle] = useState('');
  const [category, setCategory] = useState<ExperienceCategory>('other');

  function submit(event: FormEvent) {
    event.preventDefault();
    if (create((doc, actor, options) => createExperience(doc, actor, { title, category }, options))) onDone();
  }

  return (
    <form onSubmit={submit} aria-label="New experience">
      <div className="field">
        <label htmlFor={`${id}-title`}>What would you like to do together?</label>
        <LimitedInput id={`${id}-title`} value={title} onChange={setTitle} max={200} autoFocus />
      </div>
      <div className="field">
        <label htmlFor={`${id}-category`}>Kind</label>
        <select
          id={`${id}-category`}
          value={category}
          onChange={(e) => {
            if (isOneOf(EXPERIENCE_CATEGORIES, e.target.value)) setCategory(e.target.value);
          }}
        >
          {EXPERIENCE_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {CATEGORY_TEXT[c]}
            </option>
          ))}
        </select>
      </div>
      <VisibilityPicker id={`${id}-vis`} value={visibility} onChange={setVisibility} />
      <SubmitButton blockedBy={title.trim() === '' ? 'Say what you would like to do first.' : null}>Add to our plans</SubmitButton>
    </form>
  );
}
