import { useCallback, useEffect, useState } from 'react';
import type { InvitePreviewDto } from '@hearth/shared/api';
import { useAuth } from '../../app/AuthProvider';
import { Link, navigate } from '../../app/router';
import { loginPath, signupPath, spacePath } from '../../app/routes';
import { api } from '../../lib/api';
import { ApiError } from '../../lib/http';
import { refreshSpaces, upsertSpace } from '../spaces/spacesStore';
import { inviteCopy } from './inviteText';
import './invites.css';

type Preview = { state: 'loading' } | { state: 'ready'; invite: InvitePreviewDto } | { state: 'error'; message: string };

/**
 * /invite/:token — what the link in an invitation opens. The link is checked first: the page
 * names who invited whom to which space and what the role means, and offers Accept only for
 * a link that can still be used; otherwise it says why and what to do instead.
 */
export function InvitePage({ token }: { token: string }) {
  const { user } = useAuth();
  const [preview, setPreview] = useState<Preview>({ state: 'loading' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const here = `/invite/${encodeURIComponent(token)}`;

  const check = useCallback(async () => {
    try {
      setPreview({ state: 'ready', invite: (await api.previewInvite(token)).invite });
    } catch (caught) {
      setPreview({ state: 'error', message: caught instanceof ApiError ? caught.message : 'Could not check this invitation.' });
    }
  }, [token]);

  useEffect(() => {
    void check();
  }, [check, user?.id]);

  async function accept() {
    setBusy(true);
    setError(null);
    try {
      const { space } = await api.acceptInvite(token);
      upsertSpace(space);
      navigate(spacePath(space.id), { replace: true });
    } catch (caught) {
      // The link changed since it was checked (used or withdrawn meanwhile): show why.
      setError(caught instanceof ApiError ? caught.message : 'Could not accept the invitation. Please try again.');
      setBusy(false);
      void refreshSpaces();
      void check();
    }
  }

  if (preview.state === 'loading') {
    return (
      <main id="main" className="page narrow" aria-busy="true">
        <p className="muted">Checking your invitation…</p>
      </main>
    );
  }
  if (preview.state === 'error') {
    return (
      <main id="main" className="page narrow">
        <section className="card-surface invite-card">
          <h1>We could not check this invitation</h1>
          <p role="alert">{preview.message}</p>
          <button type="button" className="button" onClick={() => void check()}>
            Try again
          </button>
        </section>
      </main>
    );
  }

  const invite = preview.invite;
  const copy = inviteCopy(invite);
  const usable = invite.state === 'open';
  return (
    <main id="main" className="page narrow">
      <section
        className={`card-surface invite-card${usable ? '' : ' spent'}`}
        aria-labelledby="invite-title"
        data-testid="invite-card"
        data-state={invite.state}
      >
        {usable && <p className="invite-role">{invite.role === 'counsellor' ? 'Counsellor invitation' : 'Partner invitation'}</p>}
        <h1 id="invite-title">{copy.title}</h1>
        <p data-testid="invite-explanation">{copy.body}</p>
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
        {usable && user && (
          <>
            <p className="muted">
              You will join as <strong>{user.displayName}</strong>.
            </p>
            <div className="row">
              <button type="button" className="button primary" onClick={accept} disabled={busy}>
                Accept
              </button>
              <Link to="/" className="button quiet">
                Not now
              </Link>
            </div>
          </>
        )}
        {usable && !user && (
          <>
            <p className="muted">Log in or create an account first; you will come straight back here.</p>
            <div className="row">
              <Link to={signupPath(here)} className="button primary">
                Create an account
              </Link>
              <Link to={loginPath(here)} className="button">
                Log in
              </Link>
            </div>
          </>
        )}
        {!usable && (
          <div className="row">
            {invite.state === 'already_member' && invite.spaceId ? (
              <Link to={spacePath(invite.spaceId)} className="button primary">
                Open {invite.spaceName ?? 'the space'}
              </Link>
            ) : (
              <Link to="/" className={user ? 'button' : 'button quiet'}>
                {user ? 'Go to your spaces' : 'Go to Hearth'}
              </Link>
            )}
          </div>
        )}
      </section>
    </main>
  );
}
