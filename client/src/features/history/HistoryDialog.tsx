import { useEffect, useId, useRef, useState } from 'react';
import { itemTitle, moodLabel, type BoardItem, type Visibility } from '@hearth/shared/board';
import { formatCalendarDate } from '../../lib/relativeTime';
import { ApiError } from '../../lib/http';
import { listVersions, previewVersion, restoreVersion, type VersionSummary } from './historyApi';
import './history.css';

const BOARDS: { visibility: Visibility; label: string }[] = [
  { visibility: 'couple', label: 'Us' },
  { visibility: 'space', label: 'Us + counsellor' },
  { visibility: 'private', label: 'Only me' },
];

/** Why a version exists, when it is not the daily one. */
const REASON_NOTE: Record<VersionSummary['reason'], string> = {
  daily: '',
  restore: ' · before a restore',
  departure: ' · when a partner left',
};

const KIND_LABEL: Record<BoardItem['kind'], string> = {
  experience: 'Experience',
  promise: 'Promise',
  card: 'Card',
  checkin: 'Check-in',
  appreciation: 'Appreciation',
};

/** What an item is called in the list: a check-in, which has no title, by its day and mood. */
function titleOf(item: BoardItem): string {
  if (item.kind === 'checkin') return `${formatCalendarDate(item.date)} · ${moodLabel(item.mood)}`;
  return itemTitle(item) ?? KIND_LABEL[item.kind];
}

function when(at: string): string {
  return new Date(at).toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

/**
 * "History": pick a board and a day, see it as it was (read only), and restore the whole board
 * or one item. A restore is a new change on top of today's board, so it can be undone by
 * restoring the version Hearth takes just before it.
 */
export function HistoryDialog({ spaceId, onClose, onRestored }: { spaceId: string; onClose(): void; onRestored(message: string): void }) {
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const [visibility, setVisibility] = useState<Visibility>('couple');
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const [items, setItems] = useState<BoardItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Restoring the whole board removes what was added since: asked once more, in place.
  const [confirmWhole, setConfirmWhole] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return undefined;
    const opener = document.activeElement;
    dialog.showModal();
    const onDialogClose = () => {
      onClose();
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
    dialog.addEventListener('close', onDialogClose);
    return () => dialog.removeEventListener('close', onDialogClose);
  }, [onClose]);

  useEffect(() => {
    setVersions(null);
    setPicked(null);
    setItems(null);
    listVersions(spaceId, visibility)
      .then((list) => {
        setVersions(list);
        setPicked(list[0]?.id ?? null);
      })
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : 'Could not load the history.'));
  }, [spaceId, visibility]);

  useEffect(() => {
    setItems(null);
    setConfirmWhole(false);
    if (!picked) return;
    previewVersion(spaceId, picked)
      .then((res) => setItems(res.items))
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : 'Could not open that version.'));
  }, [spaceId, picked]);

  async function restore(itemIds?: string[], what?: string) {
    if (!picked) return;
    setBusy(true);
    setError(null);
    try {
      await restoreVersion(spaceId, picked, itemIds);
      const version = versions?.find((v) => v.id === picked);
      onRestored(`Restored ${what ?? 'the board'} from ${version ? when(version.at) : 'that version'}.`);
      ref.current?.close();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not restore. Try again.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <dialog ref={ref} className="confirm-dialog history-dialog" aria-labelledby={`${id}-title`}>
      <div className="history-head">
        <h2 id={`${id}-title`}>History</h2>
        <button type="button" className="button small quiet" onClick={() => ref.current?.close()}>
          Close
        </button>
      </div>
      <div className="history-boards" role="radiogroup" aria-label="Board">
        {BOARDS.map((b) => (
          <label key={b.visibility} className={visibility === b.visibility ? 'on' : undefined}>
            <input type="radio" name={`${id}-board`} checked={visibility === b.visibility} onChange={() => setVisibility(b.visibility)} />
            {b.label}
          </label>
        ))}
      </div>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {versions === null ? (
        <p className="muted">Loading…</p>
      ) : versions.length === 0 ? (
        <p className="muted">No versions yet. Hearth keeps a version of each board every day it changes, for 90 days.</p>
      ) : (
        <div className="history-body">
          <div className="field">
            <label htmlFor={`${id}-day`}>Version</label>
            <select id={`${id}-day`} value={picked ?? ''} onChange={(e) => setPicked(e.target.value)}>
              {versions.map((v) => (
                <option key={v.id} value={v.id}>
                  {when(v.at)} · {v.summary.items} {v.summary.items === 1 ? 'item' : 'items'}
                  {REASON_NOTE[v.reason]}
                </option>
              ))}
            </select>
          </div>
          <p className="muted small-print">The board as it was, read only.</p>
          {items === null ? (
            <p className="muted">Opening…</p>
          ) : (
            <ul className="history-items" aria-label="Items in this version">
              {items.map((item) => (
                <li key={item.id}>
                  <span className="history-kind">{KIND_LABEL[item.kind]}</span>
                  <span className="history-title" dir="auto">
                    {titleOf(item)}
                  </span>
                  <button
                    type="button"
                    className="button small"
                    disabled={busy}
                    onClick={() => void restore([item.id], `“${titleOf(item)}”`)}
                  >
                    Restore<span className="visually-hidden"> {titleOf(item)}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {confirmWhole && (
            <p className="notice small-print">
              Everything on this board goes back to this version; items added since are removed. Hearth keeps today's board as a version
              first, so you can go back.
            </p>
          )}
          <div className="dialog-actions">
            {confirmWhole && (
              <button type="button" className="button" onClick={() => setConfirmWhole(false)}>
                Cancel
              </button>
            )}
            <button
              type="button"
              className="button primary"
              disabled={busy || items === null}
              onClick={() => (confirmWhole ? void restore() : setConfirmWhole(true))}
            >
              {confirmWhole ? 'Yes, restore the whole board' : 'Restore the whole board'}
            </button>
          </div>
        </div>
      )}
    </dialog>
  );
}
