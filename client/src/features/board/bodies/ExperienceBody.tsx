import { useId, useState } from 'react';
import {
  CLOSENESS_KINDS, EXPERIENCE_CATEGORIES, EXPERIENCE_TRANSITIONS, setExperienceStatus, updateExperience,
  type ExperienceItem, type ExperienceStatus,
} from '@hearth/shared/board';
import { COMMITTED_ORIGIN, LOCAL_ORIGIN } from '../../../collab/origins';
import { useBoard } from '../boardContext';
import type { BoardEntry } from '../boardStore';
import { YTextField } from '../YTextField';
import { ExperienceSteps } from './ExperienceSteps';
import { Reflections } from './Reflections';
import { History } from './History';
import { BudgetField } from './BudgetField';

export const CATEGORY_TEXT: Record<ExperienceItem['category'], string> = {
  travel: 'Travel',
  learning_together: 'Learning together',
  volunteering: 'Volunteering',
  everyday_ritual: 'Everyday ritual',
  other: 'Other',
};
const STATUS_TEXT: Record<ExperienceStatus, string> = { idea: 'Idea', planned: 'Planned', done: 'Done', dropped: 'Dropped' };

function whenText(when: ExperienceItem['when']): string {
  if (when.type === 'date') return when.date;
  if (when.type === 'range') return `${when.start} to ${when.end}`;
  return 'Someday';
}

/** An experience plan: what, where, when, the steps to get there, and afterwards reflections. */
export function ExperienceBody({ entry, item }: { entry: BoardEntry; item: ExperienceItem }) {
  const id = useId();
  const { actor, readOnly, run } = useBoard();
  const opts = { origin: LOCAL_ORIGIN };
  const next = EXPERIENCE_TRANSITIONS[item.status];
  // Collapsed by default: a board of many plans stays scannable (and quick to render).
  const [open, setOpen] = useState(false);
  const stepsDone = item.steps.filter((s) => s.done).length;

  return (
    <div className="item-body">
      <YTextField entry={entry} field="title" label="Experience" hideLabel disabled={readOnly} maxLength={200} />
      <p className="item-meta">
        <span className={`status-chip exp-${item.status}`}>{STATUS_TEXT[item.status]}</span> {CATEGORY_TEXT[item.category]} ·{' '}
        {whenText(item.when)}
        {item.where && ` · ${item.where}`}
        {item.steps.length > 0 && ` · ${stepsDone}/${item.steps.length} steps`}
      </p>
      <button type="button" className="button small quiet details-toggle" aria-expanded={open} aria-controls={`${id}-details`} onClick={() => setOpen((v) => !v)}>
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
                onChange={(e) => run(() => setExperienceStatus(entry.doc, actor, { itemId: item.id, status: e.target.value as ExperienceStatus }, { origin: COMMITTED_ORIGIN }))}
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
                onChange={(e) =>
                  run(() => updateExperience(entry.doc, actor, { itemId: item.id, category: e.target.value as ExperienceItem['category'] }, opts))
                }
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
                value={item.when.type === 'date' ? item.when.date : item.when.type === 'range' ? item.when.start : ''}
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
              </span>
            </div>
          </div>
          <YTextField entry={entry} field="where" label="Where" disabled={readOnly} maxLength={200} />
          <fieldset className="closeness">
            <legend>Closeness it feeds</legend>
            {CLOSENESS_KINDS.map((kind) => (
              <label key={kind}>
                <input
                  type="checkbox"
                  checked={item.closeness.includes(kind)}
                  disabled={readOnly}
                  onChange={(e) => {
                    const closeness = e.target.checked ? [...item.closeness, kind] : item.closeness.filter((k) => k !== kind);
                    run(() => updateExperience(entry.doc, actor, { itemId: item.id, closeness }, opts));
                  }}
                />{' '}
                {kind}
              </label>
            ))}
          </fieldset>
          <BudgetField entry={entry} item={item} />
          <YTextField entry={entry} field="notes" label="Notes" multiline disabled={readOnly} maxLength={5000} />
          <ExperienceSteps entry={entry} item={item} />
          <History entries={item.history} />
        </div>
      )}
      {item.status === 'done' && <Reflections entry={entry} item={item} />}
    </div>
  );
}
