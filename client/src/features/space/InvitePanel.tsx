import { useId, useState } from 'react';
import type { InviteDto, MemberRole, OpenInviteDto } from '@hearth/shared/api';
import { api } from '../../lib/api';
import { ApiError } from '../../lib/http';
import { useConfirm } from '../../lib/ConfirmDialog';
import { formatWhen } from '../counsellor/auditText';
import { PendingInvite, replaceQuestion } from '../invites/PendingInvite';

/**
 * Partners create single-use links: one for the other partner (a new one replaces the old),
 * and counsellor links. `openInvites` is the live list from the server: a link someone used
 * or withdrew disappears from here at once, and links made earlier (another tab, before a
 * reload) are still shown, without their address, which only the tab that made it knows.
 * Replacing an open partner link stops it working, so it asks first.
 */
export function InvitePanel({
  spaceId,
  hasPartner,
  openInvites,
}: {
  spaceId: string;
  hasPartner: boolean;
  openInvites: OpenInviteDto[] | null;
}) {
  const id = useId();
  const [made, setMade] = useState<Partial<Record<MemberRole, InviteDto>>>({});
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState<MemberRole | null>(null);
  const [busy, setBusy] = useState(false);
  const [dialog, confirm] = useConfirm();

  // A link made here counts only while the server still lists it as open.
  const stillOpen = (invite: InviteDto | undefined) =>
    invite && (openInvites === null || invite.id === undefined || openInvites.some((o) => o.id === invite.id)) ? invite : undefined;

  async function create(role: MemberRole, replacing?: OpenInviteDto) {
    if (replacing && !(await confirm(replaceQuestion(replacing)))) return;
    setError(null);
    setBusy(true);
    try {
      const { invite } = await api.createInvite(spaceId, role);
      setMade((all) => ({ ...all, [role]: invite }));
      setCopied(null);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'Could not create the invitation.');
    } finally {
      setBusy(false);
    }
  }

  async function revoke(role: MemberRole) {
    const invite = made[role];
    if (!invite) return;
    await api.revokeInvite(spaceId, invite.token).catch(() => undefined);
    setMade((all) => ({ ...all, [role]: undefined }));
  }

  /** A link whose address this tab never had (made elsewhere or before a reload). */
  async function withdrawById(inviteId: string) {
    setError(null);
    try {
      await api.revokeOpenInvite(spaceId, inviteId);
    } catch (caught) {
      // Already used or withdrawn meanwhile: the live list is updated either way.
      if (!(caught instanceof ApiError && caught.code === 'invite_not_found')) setError('Could not withdraw the link.');
    }
  }

  async function copy(role: MemberRole, url: string) {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(role);
    } catch {
      // Clipboard can be blocked; the link is selected so it can be copied by hand.
      const input = document.getElementById(`${id}-${role}`);
      if (input instanceof HTMLInputElement) input.select();
    }
  }

  function block(role: MemberRole, title: string, action: string) {
    const invite = stillOpen(made[role]);
    const elsewhere = (openInvites ?? []).filter((o) => o.role === role && o.id !== invite?.id);
    const pending = elsewhere.at(-1);
    return (
      <div className="invite-block" data-testid={`invite-block-${role}`}>
        <h3>{title}</h3>
        {invite ? (
          <>
            <label htmlFor={`${id}-${role}`} className="field-label">
              Invitation link (works once, until {formatWhen(invite.expiresAt)})
            </label>
            <input
              id={`${id}-${role}`}
              readOnly
              value={invite.url}
              onFocus={(e) => e.currentTarget.select()}
              data-testid={`invite-url-${role}`}
            />
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
          <>
            {role === 'partner' && pending ? (
              <PendingInvite
                invite={pending}
                busy={busy}
                onReplace={() => void create(role, pending)}
                onWithdraw={() => void withdrawById(pending.id)}
              />
            ) : (
              <div className="row">
                <button type="button" className="button small" disabled={busy} onClick={() => create(role)}>
                  {action}
                </button>
              </div>
            )}
          </>
        )}
        {role === 'counsellor' && elsewhere.length > 0 && (
          <ul className="open-invites">
            {elsewhere.map((o) => (
              <li key={o.id} className="muted small-print">
                Another counsellor link is open, until {formatWhen(o.expiresAt)}.{' '}
                <button type="button" className="button small quiet" onClick={() => void withdrawById(o.id)}>
                  Withdraw it
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  }

  return (
    <section className="card-surface side-card" aria-labelledby={`${id}-title`} data-testid="invite-panel">
      <h2 id={`${id}-title`}>Invite</h2>
      {!hasPartner && block('partner', 'Your partner', 'Invite partner')}
      {block('counsellor', 'A counsellor (optional)', 'Invite counsellor')}
      <p className="muted small-print">
        A counsellor sees only items marked “us + counsellor”, read only, and only after you both consent.
      </p>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {dialog}
    </section>
  );
}
