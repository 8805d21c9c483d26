import { useId, useState, type FormEvent } from 'react';
import { updateExperience, type ExperienceItem } from '@hearth/shared/board';
import { LOCAL_ORIGIN } from '../../../collab/origins';
import { useBoard } from '../boardContext';
import type { BoardEntry } from '../boardStore';

/** The budget of a plan: an amount and a three-letter currency, or none. */
export function BudgetField({ entry, item }: { entry: BoardEntry; item: ExperienceItem }) {
  const id = useId();
  const { actor, readOnly, run } = useBoard();
  const [amount, setAmount] = useState(item.budget ? String(item.budget.amount) : '');
  const [currency, setCurrency] = useState(item.budget?.currency ?? 'EUR');

  if (readOnly) {
    return item.budget ? (
      <p className="item-meta">
        Budget: {item.budget.amount} {item.budget.currency}
      </p>
    ) : null;
  }

  function save(event: FormEvent) {
    event.preventDefault();
    const value = amount.trim() === '' ? null : { amount: Number(amount), currency: currency.trim().toUpperCase() };
    run(() => updateExperience(entry.doc, actor, { itemId: item.id, budget: value }, { origin: LOCAL_ORIGIN }));
  }

  return (
    <form className="budget" onSubmit={save} aria-label="Budget">
      <div className="field-grid">
        <div className="field">
          <label htmlFor={`${id}-amount`}>Budget</label>
          <input id={`${id}-amount`} type="number" min={0} step="any" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} placeholder="none" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-currency`}>Currency</label>
          <input id={`${id}-currency`} value={currency} onChange={(e) => setCurrency(e.target.value)} maxLength={3} pattern="[A-Za-z]{3}" className="currency" />
        </div>
      </div>
      <button type="submit" className="button small">
        Save budget
      </button>
    </form>
  );
}
