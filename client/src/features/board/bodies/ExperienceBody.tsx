import { useId, useState } from 'react';
import {
  EXPERIENCE_CATEGORIES,
  EXPERIENCE_STATUSES,
  EXPERIENCE_TRANSITIONS,
  SHORT_TEXT,
  LONG_TEXT,
  setExperienceStatus,
  updateExperience,
  type ExperienceItem,
  type ExperienceStatus,
} from '@hearth/shared/board';
import { isOneOf } from '@hearth/shared/guards';
import { COMMITTED_ORIGIN, LOCAL_ORIGIN } from '../../../collab/origins';
import { formatCalendarDate } from '../../../lib/relativeTime';
import { useToast } from '../../../lib/Toast';
import { useBoard } from '../boardContext';
import type { BoardEntry } from '../boardStore';
import { InlineText } from '../InlineText';
import { ExperienceSteps } from './ExperienceSteps';
import { Reflections } from './Reflections';
import { History } from './History';
import { BudgetField } from './BudgetField';
import { ClosenessChips } from './ClosenessChips';
import { useStatusClash } from './useStatusClash';

export const CATEGORY_TEXT: Record<ExperienceItem['category'], string> = {
  travel: 'Travel',
  learning_together: 'Learning together',
  volunteering: 'Volunteering',
  everyday_ritual: 'Everyday ritual',
  other: 'Other',
};
const STATUS_TEXT: Record<ExperienceStatus, string> = { idea: 'Idea', planned: 'Planned', done: 'Done', dropped: 'Dropped' };

export function whenText(when: ExperienceItem['when']): string {
  if (when.type === 'date') return formatCalendarDate(when.date);
  if (when.type === 'range') return `${formatCalendarDate(when.start)} – ${formatCalendarDate(when.end)}`;
  return 'Someday';
}

/** An experience plan: what, where, when, the steps to get there, and afterwards reflections. */
export function ExperienceBody({ entry, item }: { entry: BoardEntry; item: ExperienceItem }) {
  const id = useId();
  const { me, actor, readOnly, run, nameOf } = useBoard();
  const toast = useToast();
  // Two partners setting the status at once: the merge keeps one; the other person is told.
  const setByMe = useStatusClash(item.status, (mine) => {
    const by = [...item.history].reverse().find((h) => h.action === item.status && h.by !== me.id)?.by ?? item.updatedBy;
    toast({
      message: `${nameOf(by)} set the status of “${item.title}” to “${STATUS_TEXT[item.status]}” at the same time — yours (“${STATUS_TEXT[mine]}”) was replaced.`,
    });
  });
  const opts = { origin: LOCAL_ORIGIN };
  const next = EXPERIENCE_TRANSITIONS[item.status];
  // Collapsed by default: a board of many plans stays scannable (and quick to render).
  const [open, setOpen] = useState(false);
  const stepsDone = item.steps.filter((s) => s.done).length;
  const date = item.when.type === 'date' ? item.when.date : item.when.type === 'range' ? item.when.start : '';

  return (
    <div className="item-body">
      <InlineText
        entry={entry}
        field="title"
        label="Title"
        value={item.title}
        editable={!readOnly}
        maxLength={SHORT_TEXT}
        variant="title"
      />
      <p className="item-meta">
        <span className={`status-chip exp-${item.status}`}>{STATUS_TEXT[item.status]}</span> {CATEGORY_TEXT[item.category]} ·{' '}
        {whenText(item.when)}
        {item.where && (
          <>
            {' · '}
            <bdi>{item.where}</bdi>
          </>
        )}
        {item.steps.length > 0 && ` · ${stepsDone}/${item.steps.length} steps`}
        {item.budget && ` · ${formatBudget(item.budget)}`}
      </p>
      {(open || item.notes.trim() !== '') && (
        <InlineText
          entry={entry}
          field="notes"
          label="Notes"
          showLabel={open}
          value={item.notes}
          editable={!readOnly}
          multiline
          maxLength={LONG_TEXT}
          placeholder="Add notes…"
        />
      )}
      <button
        type="button"
        className="button small quiet details-toggle"
        aria-expanded={open}
        aria-controls={`${id}-details`}
        onClick={() => setOpen((v) => !v)}
      >
        {open ? 'Hide details' : 'Details'}
      </button>
      {open && (
        <div id={`${id}-details`} className="item-details">
          <div className="field-grid">
            <div className="field">
              <label htmlFor={`${id}-status`}>Status</label>
              <select
                id={`${id}-status`}
                value={item.status}
                disabled={readOnly}
                onChange={(e) => {
                  const status = e.target.value;
                  if (!isOneOf(EXPERIENCE_STATUSES, status)) return;
                  setByMe(status);
                  if (!run(() => setExperienceStatus(entry.doc, actor, { itemId: item.id, status }, { origin: COMMITTED_ORIGIN })))
                    setByMe(null);
                }}
              >
                {[item.status, ...next].map((s) => (
                  <option key={s} value={s}>
                    {STATUS_TEXT[s]}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-category`}>Kind</label>
              <select
                id={`${id}-category`}
                value={item.category}
                disabled={readOnly}
                onChange={(e) => {
                  const category = e.target.value;
                  if (isOneOf(EXPERIENCE_CATEGORIES, category))
                    run(() => updateExperience(entry.doc, actor, { itemId: item.id, category }, opts));
                }}
              >
                {EXPERIENCE_CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {CATEGORY_TEXT[c]}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-when`}>When</label>
              <input
                id={`${id}-when`}
                type="date"
                value={date}
                disabled={readOnly}
                aria-describedby={`${id}-when-text`}
                onChange={(e) =>
                  run(() =>
                    updateExperience(
                      entry.doc,
                      actor,
                      { itemId: item.id, when: e.target.value ? { type: 'date', date: e.target.value } : { type: 'someday' } },
                      opts,
                    ),
                  )
                }
              />
              <span id={`${id}-when-text`} className="hint">
                {whenText(item.when)}
                {date && !readOnly && (
                  <>
                    {' · '}
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => run(() => updateExperience(entry.doc, actor, { itemId: item.id, when: { type: 'someday' } }, opts))}
                    >
                      make it someday
                    </button>
                  </>
                )}
              </span>
            </div>
          </div>
          <InlineText
            entry={entry}
            field="where"
            label="Where"
            showLabel
            value={item.where}
            editable={!readOnly}
            maxLength={SHORT_TEXT}
            placeholder="Add a place…"
          />
          <BudgetField entry={entry} item={item} />
          <ClosenessChips entry={entry} item={item} />
          <ExperienceSteps entry={entry} item={item} />
          <History entries={item.history} />
        </div>
      )}
      {item.status === 'done' && <Reflections entry={entry} item={item} />}
    </div>
  );
}

function formatBudget(budget: NonNullable<ExperienceItem['budget']>): string {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: budget.currency, maximumFractionDigits: 2 }).format(
      budget.amount,
    );
  } catch {
    return `${budget.amount} ${budget.currency}`;
  }
}
