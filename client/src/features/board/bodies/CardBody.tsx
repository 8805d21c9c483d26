import { useId, useState } from 'react';
import { CARD_TYPES, acknowledgeCard, addCardComment, canEditText, updateCard, type CardItem, type CardType } from '@hearth/shared/board';
import { LOCAL_ORIGIN } from '../../../collab/origins';
import { useBoard } from '../boardContext';
import type { BoardEntry } from '../boardStore';
import { YTextField } from '../YTextField';

const TYPE_TEXT: Record<CardItem['cardType'], string> = { need: 'Need', boundary: 'Boundary', trigger: 'Trigger' };

/** A needs & boundaries card: only its author edits it; the partner acknowledges and comments. */
export function CardBody({ entry, item }: { entry: BoardEntry; item: CardItem }) {
  const id = useId();
  const { me, actor, readOnly, run, nameOf } = useBoard();
  const [comment, setComment] = useState('');
  const [showComments, setShowComments] = useState(false);
  const editable = !readOnly && canEditText(item, 'statement', me.id);
  const isAuthor = item.authorId === me.id;
  const opts = { origin: LOCAL_ORIGIN };

  return (
    <div className="item-body">
      <p className="item-meta">
        <span className={`status-chip card-${item.cardType}`}>{TYPE_TEXT[item.cardType]}</span> from <strong>{nameOf(item.authorId)}</strong>
        {item.revisitDate && ` · revisit on ${item.revisitDate}`}
      </p>
      {editable && (
        <div className="field-grid">
          <div className="field">
            <label htmlFor={`${id}-type`}>Kind</label>
            <select
              id={`${id}-type`}
              value={item.cardType}
              onChange={(e) => run(() => updateCard(entry.doc, actor, { itemId: item.id, cardType: e.target.value as CardType }, opts))}
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
              onChange={(e) => run(() => updateCard(entry.doc, actor, { itemId: item.id, revisitDate: e.target.value || null }, opts))}
            />
          </div>
        </div>
      )}
      <YTextField entry={entry} field="statement" label="Statement" hideLabel multiline disabled={!editable} maxLength={5000} />
      {(editable || item.helps !== '') && (
        <YTextField entry={entry} field="helps" label="What helps me" multiline disabled={!editable} maxLength={5000} />
      )}
      {(editable || item.avoid !== '') && (
        <YTextField entry={entry} field="avoid" label="What I’d ask you to avoid" multiline disabled={!editable} maxLength={5000} />
      )}
      <p className="item-meta">
        {item.acknowledgedBy
          ? `${nameOf(item.acknowledgedBy)} understood this on ${item.acknowledgedAt?.slice(0, 10)}.`
          : isAuthor
            ? 'Not acknowledged yet.'
            : ''}
      </p>
      {!readOnly && !isAuthor && (
        <button
          type="button"
          className="button small"
          aria-pressed={item.acknowledgedBy === me.id}
          onClick={() => run(() => acknowledgeCard(entry.doc, actor, { itemId: item.id, understood: item.acknowledgedBy !== me.id }, opts))}
        >
          {item.acknowledgedBy === me.id ? 'Withdraw “I understand”' : 'I understand'}
        </button>
      )}
      <button type="button" className="button small quiet details-toggle" aria-expanded={showComments} aria-controls={`${id}-comments`} onClick={() => setShowComments((v) => !v)}>
        {showComments ? 'Hide comments' : `Comments (${item.comments.length})`}
      </button>
      {showComments && (
        <div id={`${id}-comments`}>
          {item.comments.length > 0 && (
            <ul className="comments" aria-label="Comments">
              {item.comments.map((c) => (
                <li key={c.id}>
                  <strong>{nameOf(c.by)}:</strong> {c.text}
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
              <input id={`${id}-comment`} value={comment} onChange={(e) => setComment(e.target.value)} placeholder="Add a comment" maxLength={2000} />
              <button type="submit" className="button small" disabled={comment.trim() === ''}>
                Comment
              </button>
            </form>
          )}
        </div>
      )}
    </div>
  );
}
