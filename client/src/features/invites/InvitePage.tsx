import { useState } from 'react';
import { useAuth } from '../../app/AuthProvider';
import { Link, navigate } from '../../app/router';
import { loginPath, signupPath, spacePath } from '../../app/routes';
import { api } from '../../lib/api';
import { ApiError } from '../../lib/http';
import { refreshSpaces, upsertSpace } from '../spaces/spacesStore';

/** /invite/:token — what the link in an invitation opens. Accepting needs an account. */
export function InvitePage({ token }: { token: string }) {
  const { user } = useAuth();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const here = `/invite/${encodeURIComponent(token)}`;

  async function accept() {
    setBusy(true);
    setError(null);
    try {
      const { space } = await api.acceptInvite(token);
      upsertSpace(space);
      navigate(spacePath(space.id), { replace: true });
    } catch (caught) {
      setError(inviteErrorMessage(caught));
      setBusy(false);
      if (caught instanceof ApiError && caught.code === 'already_member') void refreshSpaces();
    }
  }

  return (
    <main id="main" className="page narrow">
      <section className="card-surface" aria-labelledby="invite-title">
        <h1 id="invite-title">You are invited to a Hearth space</h1>
        <p>
          Someone who cares about you has invited you to share their Hearth space: a calm place to keep promises,
          plan time together and say what you need.
        </p>
        {user ? (
          <>
            <p className="muted">
              You will join as <strong>{user.displayName}</strong>.
            </p>
            {error && (
              <p className="error-text" role="alert">
                {error}
              </p>
            )}
            <div className="row">
              <button type="button" className="button primary" onClick={accept} disabled={busy}>
                Accept
              </button>
              <Link to="/" className="button quiet">
                Not now
              </Link>
            </div>
          </>
        ) : (
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
      </section>
    </main>
  );
}

function inviteErrorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Could not accept the invitation. Please try again.';
  switch (error.code) {
    case 'invite_used':
      return 'This invitation has already been used. Ask for a new link.';
    case 'invite_expired':
      return 'This invitation has expired. Ask for a new link.';
    case 'invite_revoked':
      return 'This invitation was withdrawn. Ask for a new link if you still want to join.';
    case 'invite_not_found':
    case 'not_found':
      return 'This invitation link is not valid. Check that you copied all of it.';
    case 'space_full':
      return 'This space already has two partners.';
    case 'already_member':
      return 'You are already a member of this space. Find it under your spaces.';
    default:
      return error.message;
  }
}
