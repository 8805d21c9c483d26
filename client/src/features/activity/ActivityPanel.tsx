import { useEffect, useId, useMemo, useState } from 'react';
import type { SpaceDocs } from '../../collab/useSpaceDocs';
import { relativeTime } from '../../lib/relativeTime';
import { useActivity } from './useActivity';
import { publishActivityUnread } from './activityCount';
import './activity.css';

const WAITING_LABEL = { to_accept: 'To accept', to_confirm: 'To confirm', to_acknowledge: 'To acknowledge' } as const;

/** "What's new": what waits on me first, then what the other person did, with an unread count. */
export function ActivityPanel({ spaceId, docs }: { spaceId: string; docs: SpaceDocs }) {
  const id = useId();
  const ydocs = useMemo(() => docs.all.map((c) => c.doc), [docs]);
  const { waiting, events, unread, nextBefore, failed, loadOlder, markRead } = useActivity(spaceId, ydocs);
  const [open, setOpen] = useState(true);
  useEffect(() => publishActivityUnread(unread), [unread]);
  useEffect(() => () => publishActivityUnread(0), []);

  return (
    <section className="panel side-card activity" aria-labelledby={`${id}-title`} data-testid="activity-panel">
      <div className="activity-head">
        <h2 id={`${id}-title`} tabIndex={-1}>
          What's new
          {unread > 0 && (
            <span className="activity-count" data-testid="activity-unread">
              {unread}
              <span className="visually-hidden"> unread</span>
            </span>
          )}
        </h2>
        <button type="button" className="button small quiet" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {open ? 'Hide' : 'Show'}
        </button>
      </div>
      {open && (
        <>
          {failed && <p className="muted small-print">Could not load what's new. It will try again.</p>}
          {waiting.length > 0 && (
            <ul className="activity-waiting" aria-label="Waiting on you">
              {waiting.map((w) => (
                <li key={`${w.kind}:${w.itemId}:${w.since}`}>
                  <span className="activity-tag">{WAITING_LABEL[w.kind]}</span>
                  <span>{w.text}</span>
                </li>
              ))}
            </ul>
          )}
          {events.length === 0 && waiting.length === 0 && !failed ? (
            <p className="muted small-print">Nothing new yet. What your partner does on the board shows up here.</p>
          ) : (
            <ul className="activity-list">
              {events.map((e) => (
                <li key={e.id} className={e.unread ? 'unread' : undefined}>
                  <span className="activity-text">{e.text}</span>
                  <span className="activity-when">{relativeTime(e.at)}</span>
                </li>
              ))}
            </ul>
          )}
          <div className="activity-actions">
            {unread > 0 && (
              <button type="button" className="button small" onClick={() => void markRead()}>
                Mark all read
              </button>
            )}
            {nextBefore && (
              <button type="button" className="button small quiet" onClick={() => void loadOlder()}>
                Show older
              </button>
            )}
          </div>
        </>
      )}
    </section>
  );
}
