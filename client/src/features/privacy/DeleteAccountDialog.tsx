import { useId, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../lib/http';
import { privacyApi } from './privacyApi';

/**
 * Deleting the account after re-entering the password. Explains what goes (private items,
 * account, sessions; spaces where you are the last partner) and what stays (shared items,
 * shown to your partner as written by a former member). `onDeleted` runs after success,
 * e.g. to clear the signed-in user and go to the start page.
 */
export function DeleteAccountDialog({ onDeleted }: { onDeleted: () => void }) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await privacyApi.deleteAccount(password);
      dialog.current?.close();
      onDeleted();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'Could not delete your account.');
    } finally {
      setBusy(false);
      setPassword('');
    }
  }

  return (
    <>
      <button type="button" className="button small danger" onClick={() => dialog.current?.showModal()}>
        Delete my account…
      </button>
      <dialog ref={dialog} aria-labelledby={`${id}-title`} className="card-surface" data-testid="delete-account-dialog">
        <form onSubmit={submit}>
          <h2 id={`${id}-title`}>Delete your account</h2>
          <p>This cannot be undone. Deleted for good:</p>
          <ul>
            <li>your “only me” items and your account</li>
            <li>every space where you are the last partner, with everything in it</li>
          </ul>
          <p>Items you shared stay for your partner and show as written by a former member.</p>
          <div className="field">
            <label htmlFor={`${id}-password`}>Your password</label>
            <input
              id={`${id}-password`}
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
          {error && (
            <p className="error-text" role="alert">
              {error}
            </p>
          )}
          <div className="row">
            <button type="submit" className="button danger" disabled={busy || password.length === 0}>
              {busy ? 'Deleting…' : 'Delete my account'}
            </button>
            <button type="button" className="button quiet" onClick={() => dialog.current?.close()}>
              Cancel
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
