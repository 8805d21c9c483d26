import { useId, useState } from 'react';
import type { InviteDto } from '@hearth/shared/api';
import { api } from '../../lib/api';
import { ApiError } from '../../lib/http';
import { useConfirm } from '../../lib/ConfirmDialog';
import { useSpaceStatus } from '../livestatus/statusStore';
import { PendingInvite, openPartnerInvite, replaceQuestion } from '../invites/PendingInvite';

/**
 * Creates the partner's invitation link and hands it over: copy, or the device's share sheet.
 * A link made earlier (before a reload, in another tab) is still open on the server: it is
 * shown as waiting, and replacing it (which stops it working) asks first.
 */
export function InviteStep({ spaceId, spaceName, myName }: { spaceId: string; spaceName: string; myName: string }) {
  const id = useId();
  const live = useSpaceStatus(spaceId);
  const pending = openPartnerInvite(live?.state === 'open' ? live.partner?.openInvites : null);
  const [dialog, confirm] = useConfirm();
  const [invite, setInvite] = useState<InviteDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState(false);
  const canShare = typeof navigator.share === 'function';

  async function create() {
    if (pending && !(await confirm(replaceQuestion(pending)))) return;
    setBusy(true);
    setError(null);
    try {
      setInvite((await api.createInvite(spaceId, 'partner')).invite);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'Could not create the invitation. Please try again.');
    } finally {
      setBusy(false);
    }
  }

  async function copy(url: string) {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // Clipboard can be blocked; the link is selected so it can be copied by hand.
      const input = document.getElementById(`${id}-url`);
      if (input instanceof HTMLInputElement) input.select();
    }
  }

  async function share(url: string) {
    try {
      await navigator.share({ title: 'Join me on Hearth', text: `${myName} invited you to “${spaceName}” on Hearth.`, url });
    } catch {
      // Closing the share sheet is not an error worth showing.
    }
  }

  if (!invite) {
    return (
      <>
        {pending ? (
          <PendingInvite invite={pending} busy={busy} onReplace={() => void create()} />
        ) : (
          <>
            <p>Send your partner a link; they join with an account of their own.</p>
            {/* Until the live status says whether a link is open, a new one could replace it unseen. */}
            <button type="button" className="button primary" onClick={create} disabled={busy || live === null} aria-busy={busy}>
              Invite partner
            </button>
          </>
        )}
        {dialog}
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
      </>
    );
  }
  return (
    <div className="invite-step">
      <label htmlFor={`${id}-url`} className="field-label">
        Your partner’s link (works once, for 7 days)
      </label>
      <input id={`${id}-url`} readOnly value={invite.url} onFocus={(e) => e.currentTarget.select()} data-testid="invite-url-partner" />
      <div className="row">
        <button type="button" className="button primary" onClick={() => copy(invite.url)}>
          {copied ? 'Copied' : 'Copy link'}
        </button>
        {canShare && (
          <button type="button" className="button" onClick={() => share(invite.url)}>
            Share…
          </button>
        )}
      </div>
      <p className="muted small-print" role="status">
        {copied ? 'Copied. Send it by message or email; this page updates when they join.' : 'This page updates by itself when they join.'}
      </p>
    </div>
  );
}
