import { useId, useState, type FormEvent } from 'react';
import { CARD_TYPES, createCard, defaultVisibilityFor, type CardType } from '@hearth/shared/board';
import { isOneOf } from '@hearth/shared/guards';
import { VisibilityPicker } from './VisibilityPicker';
import { useCreate } from './useCreate';
import { LimitedInput } from './LimitedInput';
import { SubmitButton } from '../../../lib/SubmitButton';

const TYPE_TEXT: Record<CardType, string> = {
  need: 'A need: something I need from us',
  boundary: 'A boundary: a limit I ask you to respect',
  trigger: 'A trigger: something that hurts me more than it may seem',
};

export function AddCardForm({ onDone }: { onDone(): void }) {
  const id = useId();
  const { visibility, setVisibility, create } = useCreate(defaultVisibilityFor('card', 'need'));
  const [cardType, setCardType] = useState<CardType>('need');
  // A trigger card starts as "only me", until the person picks who sees it themselves.
  const [picked, setPicked] = useState(false);
  function chooseType(next: CardType) {
    setCardType(next);
    if (!picked) setVisibility(defaultVisibilityFor('card', next));
  }
  const [statement, setStatement] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    if (create((doc, actor, options) => createCard(doc, actor, { cardType, statement }, options))) onDone();
  }

  return (
    <form onSubmit={submit} aria-label="New card">
      <div className="field">
        <label htmlFor={`${id}-type`}>Kind of card</label>
        <select
          id={`${id}-type`}
          value={cardType}
          onChange={(e) => {
            if (isOneOf(CARD_TYPES, e.target.value)) chooseType(e.target.value);
          }}
        >
          {CARD_TYPES.map((t) => (
            <option key={t} value={t}>
              {TYPE_TEXT[t]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-statement`}>In my own words</label>
        <LimitedInput id={`${id}-statement`} value={statement} onChange={setStatement} max={5000} multiline autoFocus />
      </div>
      <VisibilityPicker
        id={`${id}-vis`}
        value={visibility}
        onChange={(v) => {
          setPicked(true);
          setVisibility(v);
        }}
      />
      <SubmitButton blockedBy={statement.trim() === '' ? 'Write it in your own words first.' : null}>Add card</SubmitButton>
    </form>
  );
}
