import { useId, useState } from 'react';
import type { HistoryEntry } from '@hearth/shared/board';
import { useBoard } from '../boardContext';
import { formatCalendarDate } from '../../../lib/relativeTime';

const ACTION_TEXT: Record<string, string> = {
  proposed: 'proposed it',
  edited: 'edited it',
  accepted: 'accepted it',
  kept: 'marked it kept',
  missed: 'marked it missed',
  confirmed: 'confirmed',
  renegotiated: 'renegotiated it',
  idea: 'made it an idea',
  planned: 'planned it',
  done: 'marked it done',
  dropped: 'dropped it',
};

function when(at: string): string {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? at : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Who did what, when: an item's append-only history, newest first, behind a toggle. */
export function History({
  entries,
  periodText = formatCalendarDate,
}: {
  entries: readonly HistoryEntry[];
  /** How a line's period (YYYY-MM-DD) reads: a date like the rest of the card. */
  periodText?: (period: string) => string;
}) {
  const id = useId();
  const { nameOf } = useBoard();
  const [open, setOpen] = useState(false);
  if (entries.length === 0) return null;
  return (
    <div className="history">
      <button
        type="button"
        className="button small quiet details-toggle"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((v) => !v)}
      >
        {open ? 'Hide history' : `History (${entries.length})`}
      </button>
      {open && (
        <ol id={id} className="history-list" reversed>
          {[...entries].reverse().map((entry, i) => (
            <li key={`${entry.at}-${i}`}>
              <strong>{nameOf(entry.by)}</strong> {ACTION_TEXT[entry.action] ?? entry.action}
              {typeof entry['period'] === 'string' && ` for ${periodText(entry['period'])}`} ·{' '}
              <time dateTime={entry.at}>{when(entry.at)}</time>
              {entry.note && <q dir="auto">{entry.note}</q>}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
