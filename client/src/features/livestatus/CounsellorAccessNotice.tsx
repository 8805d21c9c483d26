import type { SpaceDto } from '@hearth/shared/api';
import './livestatus.css';

/**
 * What a counsellor sees before the board opens. It never says which partner has not
 * consented yet (the server does not tell): access is simply pending until both have.
 */
export function CounsellorAccessNotice({ space, myId }: { space: SpaceDto; myId: string }) {
  const access = space.members.find((m) => m.userId === myId)?.access;
  const partners = space.members.filter((m) => m.role === 'partner').map((m) => m.displayName);
  if (access === 'withdrawn' || access === 'expired') {
    return (
      <p className="notice" role="status" data-testid="access-notice">
        {access === 'withdrawn'
          ? 'A partner withdrew consent, so this board is no longer shared with you.'
          : 'Your access to this space has ended.'}
      </p>
    );
  }
  return (
    <section className="card-surface access-pending" role="status" aria-labelledby="access-pending-title" data-testid="access-notice">
      <h2 id="access-pending-title">Access pending</h2>
      <p>
        {partners.length > 0 ? `${partners.join(' & ')} invited you as their counsellor. ` : ''}
        Their board opens here, without reloading, once both partners have consented.
      </p>
      <p className="muted">
        You will see only the items they mark “us + counsellor”, read only. Each time you open their board, they see it in their access log.
      </p>
    </section>
  );
}
