import { useId, useState } from 'react';
import type { InviteDto } from '@hearth/shared/api';
import { api } from '../../lib/api';
import { ApiError } from '../../lib/http';

/** Creates the partner's invitation link and hands it over: copy, or the device's share sheet. */
export function InviteStep({ spaceId, spaceName, myName }: { spaceId: string; spaceName: string; myName: string }) {
  const id = useId();
  const [invite, setInvite] = useState<InviteDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState(false);
  const canShare = typeof navigator.share === 'function';

  async function create() {
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
        <p>Send your partner a link; they join with an account of their own.</p>
        <button type="button" className="button primary" onClick={create} disabled={busy} aria-busy={busy}>
          Invite partner
        </button>
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
