import { useEffect, useId, useState } from 'react';
import { updateExperience, type ExperienceItem } from '@hearth/shared/board';
import { LOCAL_ORIGIN } from '../../../collab/origins';
import { useBoard } from '../boardContext';
import type { BoardEntry } from '../boardStore';

const CURRENCIES = ['EUR', 'USD', 'GBP', 'CAD', 'AUD', 'NZD', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'JPY', 'INR', 'BRL', 'MXN', 'ZAR'];

/**
 * The budget of a plan, saved like everything else on the board: the amount when the field is
 * left (or Enter), the currency as soon as it is picked. Empty means no budget.
 */
export function BudgetField({ entry, item }: { entry: BoardEntry; item: ExperienceItem }) {
  const id = useId();
  const { actor, readOnly, run } = useBoard();
  const stored = item.budget ? String(item.budget.amount) : '';
  const [amount, setAmount] = useState(stored);
  const [problem, setProblem] = useState<string | null>(null);
  const currency = item.budget?.currency ?? 'EUR';
  const currencies = CURRENCIES.includes(currency) ? CURRENCIES : [currency, ...CURRENCIES];

  // A partner's change shows here unless this person is typing a different amount.
  useEffect(() => setAmount(stored), [stored]);

  if (readOnly) return null;

  function save(nextAmount: string, nextCurrency: string) {
    const trimmed = nextAmount.trim().replace(',', '.');
    if (trimmed === '') {
      setProblem(null);
      if (item.budget) run(() => updateExperience(entry.doc, actor, { itemId: item.id, budget: null }, { origin: LOCAL_ORIGIN }));
      return;
    }
    const value = Number(trimmed);
    if (!Number.isFinite(value) || value < 0 || value > 1e9) {
      setProblem('Enter an amount such as 250 or 99.50.');
      return;
    }
    setProblem(null);
    if (item.budget?.amount === value && item.budget.currency === nextCurrency) return;
    run(() =>
      updateExperience(entry.doc, actor, { itemId: item.id, budget: { amount: value, currency: nextCurrency } }, { origin: LOCAL_ORIGIN }),
    );
  }

  return (
    <div className="budget" role="group" aria-labelledby={`${id}-label`}>
      <span id={`${id}-label`} className="inline-label">
        Budget
      </span>
      <div className="budget-row">
        <label htmlFor={`${id}-amount`} className="visually-hidden">
          Budget amount
        </label>
        <input
          id={`${id}-amount`}
          type="text"
          inputMode="decimal"
          value={amount}
          placeholder="No budget"
          aria-invalid={problem !== null}
          aria-describedby={problem ? `${id}-problem` : undefined}
          onChange={(e) => setAmount(e.target.value)}
          onBlur={() => save(amount, currency)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') save(amount, currency);
          }}
        />
        <label htmlFor={`${id}-currency`} className="visually-hidden">
          Currency
        </label>
        <select id={`${id}-currency`} value={currency} onChange={(e) => save(amount || '0', e.target.value)}>
          {currencies.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </div>
      {problem && (
        <p id={`${id}-problem`} className="field-problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
