import { useId, useMemo, useState } from 'react';
import { addStep, getStepText, removeStep, updateStep, type ExperienceItem } from '@hearth/shared/board';
import { useYText } from '../../../collab/useYText';
import { LOCAL_ORIGIN } from '../../../collab/origins';
import { useBoard } from '../boardContext';
import type { BoardEntry } from '../boardStore';

/** The checklist of steps towards an experience, each optionally assigned to a partner. */
export function ExperienceSteps({ entry, item }: { entry: BoardEntry; item: ExperienceItem }) {
  const id = useId();
  const { actor, readOnly, run, nameOf, members } = useBoard();
  const [text, setText] = useState('');
  const opts = { origin: LOCAL_ORIGIN };
  const partners = members.filter((m) => m.role === 'partner');

  return (
    <div className="steps">
      <h3 className="steps-title">Steps</h3>
      {item.steps.length === 0 && <p className="muted small-print">No steps yet.</p>}
      <ul>
        {item.steps.map((step) => (
          <li key={step.id} className={step.done ? 'done' : undefined}>
            <input
              type="checkbox"
              aria-label={`Done: ${step.text}`}
              checked={step.done}
              disabled={readOnly}
              onChange={(e) => run(() => updateStep(entry.doc, actor, { itemId: item.id, stepId: step.id, done: e.target.checked }, opts))}
            />
            <StepText entry={entry} stepId={step.id} text={step.text} readOnly={readOnly} />
            {!readOnly ? (
              <>
                <label className="visually-hidden" htmlFor={`${id}-${step.id}-who`}>
                  Who does “{step.text}”
                </label>
                <select
                  id={`${id}-${step.id}-who`}
                  className="compact"
                  value={step.assignee ?? ''}
                  onChange={(e) =>
                    run(() => updateStep(entry.doc, actor, { itemId: item.id, stepId: step.id, assignee: e.target.value || null }, opts))
                  }
                >
                  <option value="">Anyone</option>
                  {partners.map((p) => (
                    <option key={p.userId} value={p.userId}>
                      {nameOf(p.userId)}
                    </option>
                  ))}
                </select>
                <button
                  type="button"
                  className="button small icon quiet"
                  aria-label={`Remove step “${step.text}”`}
                  onClick={() => run(() => removeStep(entry.doc, actor, { itemId: item.id, stepId: step.id }, opts))}
                >
                  ×
                </button>
              </>
            ) : (
              step.assignee && <span className="muted"> · {nameOf(step.assignee)}</span>
            )}
          </li>
        ))}
      </ul>
      {!readOnly && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (run(() => addStep(entry.doc, actor, { itemId: item.id, text }, opts))) setText('');
          }}
        >
          <label htmlFor={`${id}-step`} className="visually-hidden">
            New step
          </label>
          <input id={`${id}-step`} value={text} onChange={(e) => setText(e.target.value)} placeholder="Add a step" maxLength={200} />
          <button type="submit" className="button small" disabled={text.trim() === ''}>
            Add step
          </button>
        </form>
      )}
    </div>
  );
}

/** A step's words, typed live by either partner (its own Y.Text). */
function StepText({ entry, stepId, text, readOnly }: { entry: BoardEntry; stepId: string; text: string; readOnly: boolean }) {
  const ytext = useMemo(() => getStepText(entry.doc, entry.item.id, stepId) ?? null, [entry.doc, entry.item.id, stepId]);
  const ref = useYText<HTMLInputElement>(readOnly ? null : ytext);
  if (readOnly) return <span className="step-text">{text}</span>;
  return <input ref={ref} className="step-text" aria-label="Step" maxLength={200} data-ytext="" />;
}
