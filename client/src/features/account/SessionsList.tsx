import { useCallback, useEffect, useState } from 'react';
import type { SessionDto } from '@hearth/shared/api';
import { ApiError } from '../../lib/http';
import { accountApi } from './accountApi';
import { formatWhen } from './when';

/** Every device signed in to this account, with a way to sign any other one out. */
export function SessionsList() {
  const [sessions, setSessions] = useState<SessionDto[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setSessions((await accountApi.sessions()).sessions);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'Could not load your devices.');
    }
  }, []);
  useEffect(() => void load(), [load]);

  async function act(work: () => Promise<unknown>, done: string) {
    setError(null);
    try {
      await work();
      setMessage(done);
      await load();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'That did not work. Try again.');
    }
  }

  const others = sessions?.filter((s) => !s.current) ?? [];
  return (
    <section className="card-surface safety-section" aria-labelledby="sessions-title">
      <h2 id="sessions-title">Signed-in devices</h2>
      <p className="muted">If you see a device you do not recognise, sign it out and change your password.</p>
      {sessions === null && !error && <p className="muted">Loading…</p>}
      {sessions && (
        <ul className="session-list" data-testid="sessions">
          {sessions.map((s) => (
            <li key={s.id} className="session-row">
              <div>
                <strong>{s.device}</strong>
                {s.current && <span className="badge">This device</span>}
                <br />
                <span className="muted small-print">
                  Signed in {formatWhen(s.signedInAt)} · last used {formatWhen(s.lastUsedAt)}
                </span>
              </div>
              {!s.current && (
                <button
                  type="button"
                  className="button small"
                  onClick={() => void act(() => accountApi.endSession(s.id), `${s.device} was signed out.`)}
                >
                  Sign out<span className="visually-hidden"> {s.device}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {others.length > 1 && (
        <button
          type="button"
          className="button"
          onClick={() => void act(() => accountApi.endOtherSessions(), 'Every other device was signed out.')}
        >
          Sign out all other devices
        </button>
      )}
      <p role="status" className="ok-text">
        {message}
      </p>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
    </section>
  );
}
