import type { OpenInviteDto } from '@hearth/shared/api';
import type { ConfirmOptions } from '../../lib/ConfirmDialog';
import { formatWhen } from '../counsellor/auditText';

const REPLACE_LABEL = 'Make a new link (the old one stops working)';

/**
 * A partner link that is still open but that this tab did not make (another tab, or before a
 * reload). Only a hash of each link is stored, so the link itself cannot be shown again: the
 * partner sees when it was sent and until when it works, and may replace it after confirming.
 */
export function PendingInvite({
  invite,
  busy,
  onReplace,
  onWithdraw,
}: {
  invite: OpenInviteDto;
  busy: boolean;
  onReplace(): void;
  onWithdraw?: () => void;
}) {
  return (
    <div className="pending-invite" data-testid="invite-pending">
      <p>
        <strong>Your invitation is waiting for your partner.</strong>
      </p>
      <p className="muted small-print" data-testid="invite-open-elsewhere">
        A link was sent on {formatWhen(invite.createdAt)} — it works until {formatWhen(invite.expiresAt)}. Hearth keeps only a fingerprint
        of each link, so it cannot show this one again.
      </p>
      <div className="row">
        <button type="button" className="button small" disabled={busy} onClick={onReplace}>
          {REPLACE_LABEL}
        </button>
        {onWithdraw && (
          <button type="button" className="button small quiet" onClick={onWithdraw}>
            Withdraw it
          </button>
        )}
      </div>
    </div>
  );
}

/** The question asked before an open partner link is replaced (invitations are single-use). */
export function replaceQuestion(invite: OpenInviteDto): ConfirmOptions {
  return {
    title: 'Make a new link?',
    body: (
      <p>
        The link sent on {formatWhen(invite.createdAt)} stops working at once. If your partner has not joined yet, send them the new link.
      </p>
    ),
    confirmLabel: 'Make a new link',
    danger: true,
  };
}

/** The newest open partner link the server lists, or null. */
export function openPartnerInvite(openInvites: readonly OpenInviteDto[] | null | undefined): OpenInviteDto | null {
  return (openInvites ?? []).filter((o) => o.role === 'partner').at(-1) ?? null;
}
