import { PROMISE_REVIEW_GUIDANCE, isConfirmedMiss, isFirstReview } from '@hearth/shared/exercises';
import { useState } from 'react';
import { nameOf } from './names';
import type { ExerciseViewProps } from './types';

export function PromiseReviewView({ state, meId, members, canAnswer, busy, act }: ExerciseViewProps<'promise_review'>) {
  const { data } = state;
  // One draft per promise: what was typed for one promise does not follow the review to the next.
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const item = data.items[data.current];
  if (data.items.length === 0) {
    return (
      <div className="ex-review">
        <h4>Nothing to review</h4>
        <p className="ex-status">{nothingDue(data.since)}</p>
        <p className="ex-guidance">{PROMISE_REVIEW_GUIDANCE.emptyHint}</p>
        {canAnswer && (
          <button type="button" className="btn btn-primary btn-large" disabled={busy || state.paused} onClick={() => void act('next')}>
            Finish review
          </button>
        )}
      </div>
    );
  }
  if (state.phase === 'summary' || !item) {
    return (
      <div className="ex-review">
        <h4>What we reviewed</h4>
        <ul className="ex-results">
          {data.items.map((i) => (
            <li key={`${i.promiseId}-${i.period}`}>
              {i.text} — <strong>{i.outcome ?? 'not reviewed'}</strong>
              {i.renegotiatedText ? ` → renegotiated: “${i.renegotiatedText}”` : ''}
            </li>
          ))}
        </ul>
        {canAnswer && (
          <button type="button" className="btn btn-primary btn-large" disabled={busy || state.paused} onClick={() => void act('next')}>
            Finish review
          </button>
        )}
      </div>
    );
  }
  const iPromised = canAnswer && item.promiserId === meId;
  const iReceived = canAnswer && item.promiseeId === meId;
  const settled = item.outcome !== null && item.confirmed;
  const key = `${item.promiseId}-${item.period}`;
  const text = drafts[key] ?? '';
  const setText = (value: string) => setDrafts((d) => ({ ...d, [key]: value }));
  return (
    <div className="ex-review">
      <p className="ex-guidance">{isFirstReview(data.since) ? PROMISE_REVIEW_GUIDANCE.introFirst : PROMISE_REVIEW_GUIDANCE.intro}</p>
      <p className="ex-roles">
        Promise {data.current + 1} of {data.items.length} · {nameOf(members, item.promiserId, meId)} promised{' '}
        {object(nameOf(members, item.promiseeId, meId))}
      </p>
      <blockquote className="ex-paraphrase">{item.text}</blockquote>
      {item.outcome === null &&
        (iPromised ? (
          <div className="ex-actions-row">
            <button
              type="button"
              className="btn btn-primary"
              disabled={busy || state.paused}
              onClick={() => void act('mark', { promiseId: item.promiseId, outcome: 'kept' })}
            >
              I kept it
            </button>
            <button
              type="button"
              className="btn"
              disabled={busy || state.paused}
              onClick={() => void act('mark', { promiseId: item.promiseId, outcome: 'missed' })}
            >
              I missed it
            </button>
          </div>
        ) : (
          <p className="ex-status">Waiting for {nameOf(members, item.promiserId, meId)} to say how it went.</p>
        ))}
      {item.outcome !== null && (
        <p className="ex-status">
          {/* Only the promiser marks and only the promisee confirms (the server enforces both). */}
          {nameOf(members, item.promiserId, meId)} marked it <strong>{item.outcome}</strong>.
          {item.confirmed && ` ${nameOf(members, item.promiseeId, meId)} confirmed.`}
        </p>
      )}
      {item.outcome !== null &&
        !item.confirmed &&
        (iReceived ? (
          <div className="ex-actions-row">
            <button
              type="button"
              className="btn btn-primary"
              disabled={busy || state.paused}
              onClick={() => void act('confirm', { promiseId: item.promiseId })}
            >
              Confirm it was {item.outcome}
            </button>
          </div>
        ) : (
          <p className="ex-status">
            Waiting for {nameOf(members, item.promiseeId, meId)} to confirm.
            {/* The server renegotiates only a confirmed miss: say when it can be done. */}
            {item.outcome === 'missed' && canAnswer && ' Then either of you can renegotiate it.'}
          </p>
        ))}
      {item.outcome === 'missed' && iReceived && !item.confirmed && (
        <p className="ex-status">Once you confirm, either of you can renegotiate it.</p>
      )}
      {isConfirmedMiss(item) && canAnswer && !item.renegotiatedText && (
        <form
          className="ex-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (text.trim()) void act('renegotiate', { promiseId: item.promiseId, text: text.trim() }).then((ok) => ok && setText(''));
          }}
        >
          <label className="field">
            <span>Renegotiate: a promise that fits better</span>
            <input value={text} maxLength={500} onChange={(e) => setText(e.target.value)} />
          </label>
          <button type="submit" className="btn" disabled={busy || !text.trim()}>
            Make a new promise
          </button>
        </form>
      )}
      {canAnswer && (
        <div className="ex-next">
          <button
            type="button"
            className={`btn ${settled ? 'btn-primary btn-large' : 'btn-quiet'}`}
            disabled={busy || state.paused}
            onClick={() => void act('next')}
          >
            {data.current + 1 < data.items.length
              ? settled
                ? 'Next promise'
                : 'Leave this one for now'
              : settled
                ? 'See the summary'
                : 'Leave it and see the summary'}
          </button>
        </div>
      )}
    </div>
  );
}

/** "You" reads "you" after a verb. */
function object(name: string): string {
  return name === 'You' ? 'you' : name;
}

/** Why there is nothing to walk through, for a first review and for a later one. */
function nothingDue(since: string): string {
  if (isFirstReview(since)) return 'This is your first promise review, and no accepted promise has come due or been marked yet.';
  const day = new Date(since).toLocaleDateString(undefined, { dateStyle: 'medium' });
  return `No promise came due or was marked since your last review (${day}).`;
}
