import { useId, useState } from 'react';
import type { InviteDto, MemberRole } from '@hearth/shared/api';
import { api } from '../../lib/api';
import { ApiError } from '../../lib/http';

/** Partners create single-use links: one for the other partner, one for a counsellor. */
export function InvitePanel({ spaceId, hasPartner }: { spaceId: string; hasPartner: boolean }) {
  const id = useId();
  const [invites, setInvites] = useState<Partial<Record<MemberRole, InviteDto>>>({});
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState<MemberRole | null>(null);

  async function create(role: MemberRole) {
    setError(null);
    try {
      const { invite } = await api.createInvite(spaceId, role);
      setInvites((all) => ({ ...all, [role]: invite }));
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'Could not create the invitation.');
    }
  }

  async function revoke(role: MemberRole) {
    const invite = invites[role];
    if (!invite) return;
    await api.revokeInvite(spaceId, invite.token).catch(() => undefined);
    setInvites((all) => ({ ...all, [role]: undefined }));
  }

  async function copy(role: MemberRole, url: string) {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(role);
    } catch {
      // Clipboard can be blocked; the link is selected so it can be copied by hand.
      (document.getElementById(`${id}-${role}`) as HTMLInputElement | null)?.select();
    }
  }

  function block(role: MemberRole, title: string, action: string) {
    const invite = invites[role];
    return (
      <div className="invite-block">
        <h3>{title}</h3>
        {invite ? (
          <>
            <label htmlFor={`${id}-${role}`} className="field-label">
              Invitation link (works once, for 7 days)
            </label>
            <input id={`${id}-${role}`} readOnly value={invite.url} onFocus={(e) => e.currentTarget.select()} data-testid={`invite-url-${role}`} />
            <div className="row" style={{ marginTop: 8 }}>
              <button type="button" className="button small primary" onClick={() => copy(role, invite.url)}>
                {copied === role ? 'Copied' : 'Copy link'}
              </button>
              <button type="button" className="button small quiet" onClick={() => revoke(role)}>
                Withdraw link
              </button>
            </div>
          </>
        ) : (
          <button type="button" className="button small" onClick={() => create(role)}>
            {action}
          </button>
        )}
      </div>
    );
  }

  return (
    <section className="card-surface side-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Invite</h2>
      {!hasPartner && block('partner', 'Your partner', 'Invite partner')}
      {block('counsellor', 'A counsellor (optional)', 'Invite counsellor')}
      <p className="muted small-print">A counsellor sees only items marked “us + counsellor”, and only after you both consent.</p>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
