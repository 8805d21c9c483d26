import type { SpaceEndReason } from '@hearth/shared/socket';
import { Link } from '../../app/router';
import './livestatus.css';

const TITLES: Record<SpaceEndReason, string> = {
  deleted: 'Space deleted',
  withdrawn: 'Your access ended',
  expired: 'Your access ended',
  left: 'You left this space',
  removed: 'You are no longer in this space',
};

/**
 * Shown instead of a space the person can no longer open. With what the server said live
 * ("Your access to Alex & Sam ended: Sam withdrew consent.") when there is one; otherwise the
 * HTTP API's answer, which on purpose does not tell "gone" from "never yours".
 */
export function SpaceUnavailable({ error }: { error: { code: string; message: string; reason?: SpaceEndReason } }) {
  const ended = error.code === 'ended';
  const title = ended ? (error.reason ? TITLES[error.reason] : 'This space is closed to you') : 'Space not available';
  return (
    <main id="main" className="page">
      <section className="card-surface space-ended" aria-labelledby="space-ended-title" data-testid="space-unavailable">
        <h1 id="space-ended-title">{title}</h1>
        <p role="alert">{ended ? error.message : 'This space does not exist, or it is no longer shared with you.'}</p>
        {ended && (
          <p className="muted">
            {error.reason === 'deleted' ? 'Everything in it has been erased.' : 'Nothing from it is shown here any more.'} Your other spaces
            are unchanged.
          </p>
        )}
        <div className="row">
          <Link to="/" className="button primary">
            Back to your spaces
          </Link>
        </div>
      </section>
    </main>
  );
}
