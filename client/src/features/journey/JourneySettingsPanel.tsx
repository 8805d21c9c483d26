import { useState } from 'react';
import { BoardRuleError, listItems, moveItem, type BoardActor } from '@hearth/shared/board';
import { setJourneyTimeZone, setMoodHidden, type JourneySettings } from '@hearth/shared/insights';
import type { SpaceDocs } from '../../collab/useSpaceDocs';
import { browserTimeZone } from './useJourneySettings';

/**
 * Keeping my mood line from the counsellor: the preference is written to the "us + counsellor"
 * document (so the counsellor's view leaves the line out), and my check-ins already in that
 * document move to "us", which the server never serves to a counsellor.
 */
export function hideMyMood(docs: SpaceDocs, actor: BoardActor, hidden: boolean): number {
  setMoodHidden(docs.space.doc, actor, hidden);
  if (!hidden || !docs.couple) return 0;
  let moved = 0;
  for (const checkin of listItems(docs.space.doc, 'checkin', { includeArchived: true })) {
    if (checkin.userId !== actor.userId) continue;
    moveItem(docs.space.doc, docs.couple.doc, actor, { itemId: checkin.id });
    moved += 1;
  }
  return moved;
}

export function JourneySettingsPanel({
  docs,
  actor,
  settings,
  timeZone,
  isPartner,
  hasCounsellor,
}: {
  docs: SpaceDocs;
  actor: BoardActor;
  settings: JourneySettings;
  timeZone: string;
  isPartner: boolean;
  hasCounsellor: boolean;
}) {
  const [message, setMessage] = useState<string | null>(null);
  const mine = browserTimeZone();
  const hidden = settings.hiddenMoods.includes(actor.userId);

  function toggle(next: boolean) {
    try {
      const moved = hideMyMood(docs, actor, next);
      setMessage(
        next
          ? `Your mood line is now just between the two of you${moved ? `; ${moved} check-in${moved === 1 ? '' : 's'} moved from “Us + counsellor” to “Us”` : ''}.`
          : 'Your counsellor can see the mood line of check-ins you share with them.',
      );
    } catch (error) {
      if (!(error instanceof BoardRuleError)) throw error;
      setMessage(error.message);
    }
  }

  return (
    <div className="jr-settings">
      <p className="muted jr-tz">
        Weeks start on Monday, {timeZone.replace(/_/g, ' ')} time.
        {isPartner && settings.timeZone !== mine && (
          <button type="button" className="button small" onClick={() => setJourneyTimeZone(docs.space.doc, actor, mine)}>
            Use {mine.replace(/_/g, ' ')} for both of us
          </button>
        )}
      </p>
      {isPartner && hasCounsellor && (
        <label className="jr-check">
          <input type="checkbox" checked={hidden} onChange={(e) => toggle(e.currentTarget.checked)} />
          Keep my mood line from our counsellor
        </label>
      )}
      {message && (
        <p className="jr-note" role="status">
          {message}
        </p>
      )}
    </div>
  );
}
