import { useEffect } from 'react';
import { dismissNotice, useLiveNotices, type LiveNotice } from './statusStore';
import './livestatus.css';

const SHOW_MS = 12_000;

/**
 * What just happened in your spaces ("Sam withdrew consent for Dr Rivera"), as polite
 * notices in a corner. On a space's own page the space's name is left out; an ended space's
 * page explains itself, so its notice shows only elsewhere.
 */
export function LiveNotices({ currentSpaceId }: { currentSpaceId: string | null }) {
  const notices = useLiveNotices().filter((n) => !(n.ended && n.spaceId === currentSpaceId));
  return (
    <div className="live-notices" role="status" aria-live="polite" aria-label="What just happened" data-testid="live-notices">
      {notices.slice(-3).map((n) => (
        <Notice key={n.id} notice={n} showSpace={n.spaceId !== currentSpaceId} />
      ))}
    </div>
  );
}

function Notice({ notice, showSpace }: { notice: LiveNotice; showSpace: boolean }) {
  useEffect(() => {
    const timer = setTimeout(() => dismissNotice(notice.id), SHOW_MS);
    return () => clearTimeout(timer);
  }, [notice.id]);
  return (
    <div className="live-notice" data-testid="live-notice">
      <p>
        {showSpace && <strong>{notice.spaceName}: </strong>}
        {notice.text}
      </p>
      <button type="button" className="live-notice-close" aria-label="Dismiss" onClick={() => dismissNotice(notice.id)}>
        ×
      </button>
    </div>
  );
}
