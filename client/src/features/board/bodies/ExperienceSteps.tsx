import { useId, useMemo, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { SHORT_TEXT, addStep, getStepText, removeStep, updateStep, type ExperienceItem } from '@hearth/shared/board';
import { useYText } from '../../../collab/useYText';
import { LOCAL_ORIGIN } from '../../../collab/origins';
import { CharLimit, refusePasteOverLimit } from '../../../lib/CharLimit';
import { SubmitButton } from '../../../lib/SubmitButton';
import { useBoard } from '../boardContext';
import type { BoardEntry } from '../boardStore';

/** The checklist of steps towards an experience, each optionally assigned to a partner. */
export function ExperienceSteps({ entry, item }: { entry: BoardEntry; item: ExperienceItem }) {
  const id = useId();
  const { actor, readOnly, run, nameOf, members } = useBoard();
  const [text, setText] = useState('');
  const [refused, setRefused] = useState<number | null>(null);
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
            {readOnly ? (
              step.assignee && <span className="muted step-who">{nameOf(step.assignee)}</span>
            ) : (
              <span className="step-controls">
                <label className="visually-hidden" htmlFor={`${id}-${step.id}-who`}>
                  Who does “{step.text}”
                </label>
                <select
                  id={`${id}-${step.id}-who`}
                  className="compact"
                  value={step.assignee ?? ''}
                  title={step.assignee ? nameOf(step.assignee) : 'Anyone'}
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
                  className="button icon quiet step-remove"
                  aria-label={`Remove step “${step.text}”`}
                  title="Remove step"
                  onClick={() => run(() => removeStep(entry.doc, actor, { itemId: item.id, stepId: step.id }, opts))}
                >
                  ×
                </button>
              </span>
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
          <input
            id={`${id}-step`}
            value={text}
            dir="auto"
            onChange={(e) => {
              setText(e.target.value);
              setRefused(null);
            }}
            onPaste={(e: ClipboardEvent<HTMLInputElement>) => setRefused(refusePasteOverLimit(e, SHORT_TEXT))}
            placeholder="Add a step"
            maxLength={SHORT_TEXT}
            aria-describedby={`${id}-step-count`}
          />
          <SubmitButton className="button small" blockedBy={text.trim() === '' ? 'Type the step first.' : null}>
            Add step
          </SubmitButton>
          <CharLimit id={`${id}-step-count`} length={text.length} max={SHORT_TEXT} refused={refused} />
        </form>
      )}
    </div>
  );
}

/**
 * A step's words, typed live by either partner (its own Y.Text). A step is one line of words:
 * it wraps onto more lines where the row is narrow (a phone), but Enter adds no line break and
 * a pasted break becomes a space.
 */
function StepText({ entry, stepId, text, readOnly }: { entry: BoardEntry; stepId: string; text: string; readOnly: boolean }) {
  const ytext = useMemo(() => getStepText(entry.doc, entry.item.id, stepId) ?? null, [entry.doc, entry.item.id, stepId]);
  const ref = useYText<HTMLTextAreaElement>(readOnly ? null : ytext);
  if (readOnly)
    return (
      <span className="step-text" dir="auto">
        {text}
      </span>
    );
  return (
    <textarea
      ref={ref}
      className="step-text"
      aria-label="Step"
      rows={1}
      maxLength={SHORT_TEXT}
      dir="auto"
      data-ytext=""
      onKeyDown={(e: KeyboardEvent<HTMLTextAreaElement>) => {
        if (e.key === 'Enter' && !e.nativeEvent.isComposing) e.preventDefault();
      }}
      onPaste={(e: ClipboardEvent<HTMLTextAreaElement>) => {
        const pasted = e.clipboardData.getData('text/plain');
        if (!/[\r\n]/.test(pasted)) return;
        e.preventDefault();
        // Typed in as if by the keyboard, so the binding and the field's own undo both see it.
        document.execCommand('insertText', false, pasted.replace(/\s*[\r\n]+\s*/g, ' '));
      }}
    />
  );
}
