import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../../lib/http';
import { accountApi } from './accountApi';

/** Change the password; every other device is signed out by the server. */
export function PasswordForm({ onChanged }: { onChanged(): void }) {
  const id = useId();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      await accountApi.changePassword(current, next);
      setCurrent('');
      setNext('');
      setDone(true);
      onChanged();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message.replace(/^next: /, 'New password: ') : 'That did not work. Try again.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card-surface safety-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Change password</h2>
      <p className="muted">Changing it signs out every other device at once.</p>
      <form onSubmit={submit} aria-label="Change password">
        <div className="field">
          <label htmlFor={`${id}-current`}>Current password</label>
          <input
            id={`${id}-current`}
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
            required
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-next`}>New password</label>
          <input
            id={`${id}-next`}
            type="password"
            autoComplete="new-password"
            minLength={10}
            value={next}
            onChange={(e) => setNext(e.target.value)}
            aria-describedby={`${id}-hint`}
            required
          />
          <span className="hint" id={`${id}-hint`}>
            At least 10 characters. A few unrelated words are easy to remember and hard to guess.
          </span>
        </div>
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? 'Changing…' : 'Change password'}
        </button>
      </form>
      <p role="status" className="ok-text">
        {done ? 'Password changed. Other devices were signed out.' : ''}
      </p>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
    </section>
  );
}
