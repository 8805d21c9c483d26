import { useId, useState } from 'react';
import { CARD_TYPES, LONG_TEXT, acknowledgeCard, addCardComment, canEditText, updateCard, type CardItem } from '@hearth/shared/board';
import { isOneOf } from '@hearth/shared/guards';
import { LOCAL_ORIGIN } from '../../../collab/origins';
import { CharLimit, refusePasteOverLimit } from '../../../lib/CharLimit';
import { SubmitButton } from '../../../lib/SubmitButton';
import { formatCalendarDate } from '../../../lib/relativeTime';
import { useBoard } from '../boardContext';
import type { BoardEntry } from '../boardStore';
import { InlineText } from '../InlineText';

const TYPE_TEXT: Record<CardItem['cardType'], string> = { need: 'Need', boundary: 'Boundary', trigger: 'Trigger' };
const COMMENT_MAX = 2000;

/** A needs & boundaries card: only its author edits it; the partner acknowledges and comments. */
export function CardBody({ entry, item }: { entry: BoardEntry; item: CardItem }) {
  const id = useId();
  const { me, actor, readOnly, run, nameOf } = useBoard();
  const [comment, setComment] = useState('');
  const [refused, setRefused] = useState<number | null>(null);
  const [showComments, setShowComments] = useState(false);
  const [showSettings, setShowSettings] = useState(false);
  const editable = !readOnly && canEditText(item, 'statement', me.id);
  const isAuthor = item.authorId === me.id;
  const opts = { origin: LOCAL_ORIGIN };

  return (
    <div className="item-body">
      <p className="item-meta">
        <span className={`status-chip card-${item.cardType}`}>{TYPE_TEXT[item.cardType]}</span>
        {item.revisitDate && ` · revisit on ${formatCalendarDate(item.revisitDate)}`}
      </p>
      <InlineText
        entry={entry}
        field="statement"
        label="Statement"
        value={item.statement}
        editable={editable}
        multiline
        maxLength={LONG_TEXT}
        variant="title"
      />
      <InlineText
        entry={entry}
        field="helps"
        label="What helps me"
        showLabel
        value={item.helps}
        editable={editable}
        multiline
        maxLength={LONG_TEXT}
        placeholder="Add what helps…"
      />
      <InlineText
        entry={entry}
        field="avoid"
        label="What I’d ask you to avoid"
        showLabel
        value={item.avoid}
        editable={editable}
        multiline
        maxLength={LONG_TEXT}
        placeholder="Add what to avoid…"
      />
      {editable && (
        <>
          <button
            type="button"
            className="button small quiet details-toggle"
            aria-expanded={showSettings}
            aria-controls={`${id}-settings`}
            onClick={() => setShowSettings((v) => !v)}
          >
            {showSettings ? 'Hide kind and revisit date' : 'Kind and revisit date'}
          </button>
          {showSettings && (
            <div id={`${id}-settings`} className="field-grid">
              <div className="field">
                <label htmlFor={`${id}-type`}>Kind</label>
                <select
                  id={`${id}-type`}
                  value={item.cardType}
                  onChange={(e) => {
                    const cardType = e.target.value;
                    if (isOneOf(CARD_TYPES, cardType)) run(() => updateCard(entry.doc, actor, { itemId: item.id, cardType }, opts));
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
                <label htmlFor={`${id}-revisit`}>Revisit on</label>
                <input
                  id={`${id}-revisit`}
                  type="date"
                  value={item.revisitDate ?? ''}
                  aria-describedby={`${id}-revisit-text`}
                  onChange={(e) => run(() => updateCard(entry.doc, actor, { itemId: item.id, revisitDate: e.target.value || null }, opts))}
                />
                <span id={`${id}-revisit-text`} className="hint">
                  {item.revisitDate ? formatCalendarDate(item.revisitDate) : 'No date'}
                </span>
              </div>
            </div>
          )}
        </>
      )}
      <p className="item-meta">
        {item.acknowledgedBy
          ? `${nameOf(item.acknowledgedBy)} understood this on ${formatCalendarDate(item.acknowledgedAt?.slice(0, 10) ?? '')}.`
          : !isAuthor
            ? ''
            : // A card in "only me" waits for no one: the partner cannot see it.
              entry.visibility === 'private'
              ? 'Private — only you see this.'
              : 'Not acknowledged yet.'}
      </p>
      <div className="row item-actions">
        {!readOnly && !isAuthor && (
          <button
            type="button"
            className={`button small${item.acknowledgedBy === me.id ? '' : ' primary'}`}
            aria-pressed={item.acknowledgedBy === me.id}
            onClick={() =>
              run(() => acknowledgeCard(entry.doc, actor, { itemId: item.id, understood: item.acknowledgedBy !== me.id }, opts))
            }
          >
            {item.acknowledgedBy === me.id ? 'Withdraw “I understand”' : 'I understand'}
          </button>
        )}
        <button
          type="button"
          className="button small quiet"
          aria-expanded={showComments}
          aria-controls={`${id}-comments`}
          onClick={() => setShowComments((v) => !v)}
        >
          {showComments ? 'Hide comments' : `Comments (${item.comments.length})`}
        </button>
      </div>
      {showComments && (
        <div id={`${id}-comments`}>
          {item.comments.length > 0 && (
            <ul className="comments" aria-label="Comments">
              {item.comments.map((c) => (
                <li key={c.id}>
                  <strong>{nameOf(c.by)}:</strong> <bdi>{c.text}</bdi>
                </li>
              ))}
            </ul>
          )}
          {!readOnly && (
            <form
              className="inline-form"
              onSubmit={(e) => {
                e.preventDefault();
                if (run(() => addCardComment(entry.doc, actor, { itemId: item.id, text: comment }, opts))) setComment('');
              }}
            >
              <label htmlFor={`${id}-comment`} className="visually-hidden">
                Add a comment
              </label>
              <input
                id={`${id}-comment`}
                value={comment}
                dir="auto"
                onChange={(e) => {
                  setComment(e.target.value);
                  setRefused(null);
                }}
                onPaste={(e) => setRefused(refusePasteOverLimit(e, COMMENT_MAX))}
                placeholder="Add a comment"
                maxLength={COMMENT_MAX}
                aria-describedby={`${id}-comment-count`}
              />
              <SubmitButton className="button small" blockedBy={comment.trim() === '' ? 'Write your comment first.' : null}>
                Comment
              </SubmitButton>
              <CharLimit id={`${id}-comment-count`} length={comment.length} max={COMMENT_MAX} refused={refused} />
            </form>
          )}
        </div>
      )}
    </div>
  );
}
