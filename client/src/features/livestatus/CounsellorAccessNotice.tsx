import type { CounsellorAccess } from '@hearth/shared/api';

/**
 * What a counsellor sees before the board opens. It never says which partner has not
 * consented yet (the server does not tell): access is simply pending until both have.
 */
export function CounsellorAccessNotice({ access }: { access: CounsellorAccess | undefined }) {
  return (
    <p className="notice" role="status" data-testid="access-notice">
      {access === 'withdrawn'
        ? 'A partner withdrew consent, so this board is no longer shared with you.'
        : access === 'expired'
          ? 'Your access to this space has ended.'
          : 'Access pending: the couple’s board opens here, without reloading, once both partners have consented. You will see only the items they mark “us + counsellor”, read only.'}
    </p>
  );
}
