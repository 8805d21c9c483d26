import { useId, useState } from 'react';
import {
  APPRECIATION_REPLY_MAX,
  canEditText,
  canRespondToAppreciation,
  respondToAppreciation,
  type AppreciationItem,
} from '@hearth/shared/board';
import { LOCAL_ORIGIN } from '../../../collab/origins';
import { CharLimit, refusePasteOverLimit } from '../../../lib/CharLimit';
import { SubmitButton } from '../../../lib/SubmitButton';
import { useBoard } from '../boardContext';
import type { BoardEntry } from '../boardStore';
import { InlineText } from '../InlineText';

/** A note of thanks, and the answer of the partner who received it: a heart and a short reply. */
export function AppreciationBody({ entry, item }: { entry: BoardEntry; item: AppreciationItem }) {
  const id = useId();
  const { me, actor, readOnly, run, nameOf } = useBoard();
  const [replying, setReplying] = useState(false);
  const [reply, setReply] = useState('');
  const [refused, setRefused] = useState<number | null>(null);
  const mayAnswer = !readOnly && canRespondToAppreciation(item, me.id);
  const hearted = Boolean(item.heartedAt);
  const opts = { origin: LOCAL_ORIGIN };

  function send(text: string) {
    if (run(() => respondToAppreciation(entry.doc, actor, { itemId: item.id, reply: text }, opts))) {
      setReplying(false);
      setReply('');
    }
  }

  return (
    <div className="item-body">
      <p className="item-meta">
        To <strong>{item.toId === me.id ? 'you' : nameOf(item.toId)}</strong>
      </p>
      <InlineText
        entry={entry}
        field="text"
        label="Appreciation"
        value={item.text}
        editable={!readOnly && canEditText(item, 'text', me.id)}
        multiline
        maxLength={1000}
        variant="title"
      />
      {item.reply && (
        <blockquote className="appreciation-reply" data-testid="appreciation-reply">
          <strong>{nameOf(item.toId)}:</strong> <bdi>{item.reply}</bdi>
        </blockquote>
      )}
      {mayAnswer ? (
        <div className="row item-actions">
          <button
            type="button"
            className={`button small heart-button${hearted ? ' on' : ''}`}
            aria-pressed={hearted}
            onClick={() => run(() => respondToAppreciation(entry.doc, actor, { itemId: item.id, heart: !hearted }, opts))}
          >
            <span aria-hidden="true">{hearted ? '♥' : '♡'}</span> {hearted ? 'Hearted' : 'Heart'}
          </button>
          {!replying && (
            <button
              type="button"
              className="button small quiet"
              onClick={() => {
                setReply(item.reply ?? '');
                setReplying(true);
              }}
            >
              {item.reply ? 'Edit reply' : 'Reply'}
            </button>
          )}
        </div>
      ) : (
        hearted && (
          <p className="item-meta heart-note">
            <span aria-hidden="true" className="heart">
              ♥
            </span>{' '}
            {nameOf(item.toId)} loved this
          </p>
        )
      )}
      {replying && (
        <form
          className="inline-form"
          aria-label="Reply"
          onSubmit={(e) => {
            e.preventDefault();
            send(reply);
          }}
        >
          <label htmlFor={`${id}-reply`} className="visually-hidden">
            Your reply to {nameOf(item.fromId)}
          </label>
          <input
            id={`${id}-reply`}
            value={reply}
            dir="auto"
            autoFocus
            placeholder={`A few words back to ${nameOf(item.fromId)}`}
            maxLength={APPRECIATION_REPLY_MAX}
            aria-describedby={`${id}-reply-count`}
            onChange={(e) => {
              setReply(e.target.value);
              setRefused(null);
            }}
            onPaste={(e) => setRefused(refusePasteOverLimit(e, APPRECIATION_REPLY_MAX))}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setReplying(false);
            }}
          />
          <SubmitButton className="button small primary" blockedBy={reply.trim() === '' && !item.reply ? 'Write a few words first.' : null}>
            {reply.trim() === '' && item.reply ? 'Remove reply' : 'Send reply'}
          </SubmitButton>
          <button type="button" className="button small quiet" onClick={() => setReplying(false)}>
            Cancel
          </button>
          <CharLimit id={`${id}-reply-count`} length={reply.length} max={APPRECIATION_REPLY_MAX} refused={refused} />
        </form>
      )}
    </div>
  );
}
