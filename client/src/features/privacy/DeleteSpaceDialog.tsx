import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { SpaceDto } from '@hearth/shared/api';
import { ApiError } from '../../lib/http';
import { privacyApi } from './privacyApi';

/**
 * Deleting a space needs both partners: the first request waits for the other's
 * confirmation (shown here to both), the second deletes everything. The one who asked can
 * take the request back. `onDeleted` runs once the space is gone.
 */
export function DeleteSpaceDialog({ space, myId, onDeleted }: { space: SpaceDto; myId: string; onDeleted: () => void }) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [requestedBy, setRequestedBy] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const gone = useRef(false);
  const names = new Map(space.members.map((m) => [m.userId, m.displayName]));
  const others = requestedBy.filter((u) => u !== myId);
  const iAsked = requestedBy.includes(myId);

  const refresh = useCallback(async () => {
    try {
      setRequestedBy((await privacyApi.deletionRequests(space.id)).requestedBy);
    } catch {
      // The notice is optional; the dialog still works.
    }
  }, [space.id]);
  useEffect(() => {
    void refresh();
  }, [refresh, space]);

  async function run(action: () => Promise<unknown>, done?: (result: unknown) => void) {
    setBusy(true);
    setError(null);
    try {
      done?.(await action());
      // Once the space is gone there is nothing left to ask about (and asking would 404).
      if (!gone.current) await refresh();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'That did not work. Please try again.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      {others.length > 0 && (
        <p className="notice" role="status" data-testid="deletion-requested">
          {others.map((u) => names.get(u) ?? 'Your partner').join(' and ')} asked to delete this space.
        </p>
      )}
      <button type="button" className="button small quiet danger" onClick={() => dialog.current?.showModal()}>
        Delete this space…
      </button>
      <dialog ref={dialog} aria-labelledby={`${id}-title`} className="card-surface" data-testid="delete-space-dialog">
        <h2 id={`${id}-title`}>Delete “{space.name}”</h2>
        <p>
          Everything in this space goes for good: every board (including both partners’ “only me” items), the counsellor’s notes, exercises,
          invites and the access log. Both partners have to confirm.
        </p>
        {iAsked && (
          <p className="notice" role="status">
            You asked for this. Waiting for your partner to confirm.
          </p>
        )}
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
        <div className="row">
          {!iAsked && (
            <button
              type="button"
              className="button danger"
              disabled={busy}
              onClick={() =>
                void run(
                  () => privacyApi.deleteSpace(space.id),
                  (result) => {
                    if (result === undefined) {
                      gone.current = true;
                      dialog.current?.close();
                      onDeleted();
                    }
                  },
                )
              }
            >
              {others.length > 0 ? 'Confirm: delete this space' : 'Delete this space'}
            </button>
          )}
          {iAsked && (
            <button type="button" className="button" disabled={busy} onClick={() => void run(() => privacyApi.cancelDeletion(space.id))}>
              Take back my request
            </button>
          )}
          <button type="button" className="button quiet" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </div>
      </dialog>
    </>
  );
}
