import { useId, useState } from 'react';
import { acceptPromise, canEditText, confirmPromise, markPromise, renegotiatePromise, type PromiseItem } from '@hearth/shared/board';
import { COMMITTED_ORIGIN } from '../../../collab/origins';
import { useBoard } from '../boardContext';
import type { BoardEntry } from '../boardStore';
import { InlineText } from '../InlineText';
import { History } from './History';
import { formatCalendarDate } from '../../../lib/relativeTime';
import { boardToday, currentPeriod, markLine, periodText } from './promiseMark';
import { CharLimit, refusePasteOverLimit } from '../../../lib/CharLimit';
import { SubmitButton } from '../../../lib/SubmitButton';

const PROMISE_MAX = 500;

const STATUS_TEXT: Record<PromiseItem['status'], string> = {
  proposed: 'Proposed',
  accepted: 'Accepted',
  kept: 'Kept',
  missed: 'Missed',
  renegotiated: 'Renegotiated',
};

export function cadenceText(cadence: PromiseItem['cadence']): string {
  if (cadence.type === 'daily') return 'Every day';
  if (cadence.type === 'weekly') return 'Every week';
  return `Once, by ${formatCalendarDate(cadence.dueDate)}`;
}

/** A promise: its words, who promises whom, and the step each person can take next. */
export function PromiseBody({ entry, item }: { entry: BoardEntry; item: PromiseItem }) {
  const id = useId();
  const { me, actor, readOnly, run, nameOf } = useBoard();
  const [renegotiating, setRenegotiating] = useState(false);
  const [newText, setNewText] = useState('');
  const [refused, setRefused] = useState<number | null>(null);
  // Accepting, marking, confirming and renegotiating are history: not undoable.
  const opts = { origin: COMMITTED_ORIGIN };
  const isPromiser = item.promiserId === me.id;
  const isPromisee = item.promiseeId === me.id;
  const periods = Object.keys(item.outcomes).sort();
  const latest = periods.length > 0 ? { period: periods[periods.length - 1]!, ...item.outcomes[periods[periods.length - 1]!]! } : null;
  const unconfirmed = latest && latest.confirmedAt === null ? latest : null;
  const today = boardToday();
  // What "Mark kept" would mark now; once it is marked, the card says so instead of asking again.
  const now = item.outcomes[currentPeriod(item, today)];
  const mark = (outcome: 'kept' | 'missed') => run(() => markPromise(entry.doc, actor, { itemId: item.id, outcome }, opts));

  return (
    <div className="item-body">
      <InlineText
        entry={entry}
        field="text"
        label="Promise"
        value={item.text}
        variant="title"
        editable={!readOnly && canEditText(item, 'text', me.id)}
        maxLength={PROMISE_MAX}
      />
      <p className="item-meta">
        <strong>{nameOf(item.promiserId)}</strong> {isPromiser ? 'promise' : 'promises'} {isPromisee ? 'you' : nameOf(item.promiseeId)} ·{' '}
        {cadenceText(item.cadence)} · <span className={`status-chip status-${item.status}`}>{STATUS_TEXT[item.status]}</span>
      </p>
      {latest && (
        <p className="item-meta" data-testid="promise-mark">
          {markLine(item, latest.period, me.id, nameOf, today)}
        </p>
      )}
      {!readOnly && (
        <div className="row item-actions">
          {isPromisee && item.status === 'proposed' && (
            <button
              type="button"
              className="button small primary"
              onClick={() => run(() => acceptPromise(entry.doc, actor, { itemId: item.id }, opts))}
            >
              Accept
            </button>
          )}
          {isPromiser && item.status === 'accepted' && !now && (
            <>
              <button type="button" className="button small" onClick={() => mark('kept')}>
                Mark kept
              </button>
              <button type="button" className="button small" onClick={() => mark('missed')}>
                Mark missed
              </button>
            </>
          )}
          {isPromiser && item.status !== 'renegotiated' && now && now.confirmedAt === null && (
            <button type="button" className="button small quiet" onClick={() => mark(now.outcome === 'kept' ? 'missed' : 'kept')}>
              {now.outcome === 'kept' ? 'Change to missed' : 'Change to kept'}
            </button>
          )}
          {isPromisee && unconfirmed && (
            <button
              type="button"
              className="button small"
              onClick={() => run(() => confirmPromise(entry.doc, actor, { itemId: item.id }, opts))}
            >
              Confirm {unconfirmed.outcome}
            </button>
          )}
          {(isPromiser || isPromisee) && (item.status === 'proposed' || item.status === 'accepted' || item.status === 'missed') && (
            <button type="button" className="button small quiet" aria-expanded={renegotiating} onClick={() => setRenegotiating((v) => !v)}>
              Renegotiate
            </button>
          )}
        </div>
      )}
      <History entries={item.history} periodText={(period) => periodText(item.cadence, period)} />
      {renegotiating && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (run(() => renegotiatePromise(entry.doc, actor, { itemId: item.id, text: newText }, opts))) {
              setRenegotiating(false);
              setNewText('');
            }
          }}
        >
          <label htmlFor={`${id}-new`}>New wording</label>
          <input
            id={`${id}-new`}
            value={newText}
            dir="auto"
            onChange={(e) => {
              setNewText(e.target.value);
              setRefused(null);
            }}
            onPaste={(e) => setRefused(refusePasteOverLimit(e, PROMISE_MAX))}
            maxLength={PROMISE_MAX}
            aria-describedby={`${id}-new-count`}
          />
          <SubmitButton className="button small primary" blockedBy={newText.trim() === '' ? 'Write the new wording first.' : null}>
            Propose new version
          </SubmitButton>
          <CharLimit id={`${id}-new-count`} length={newText.length} max={PROMISE_MAX} refused={refused} />
        </form>
      )}
    </div>
  );
}
