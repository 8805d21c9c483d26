import type { InvitePreviewDto } from '@hearth/shared/api';

export interface InviteCopy {
  title: string;
  /** What happened, and what to do instead (for a link that cannot be used). */
  body: string;
}

/** What the invite page says for each state of a link, before anyone presses Accept. */
export function inviteCopy(invite: InvitePreviewDto): InviteCopy {
  if (invite.state === 'not_found') {
    return {
      title: 'This invitation link is not valid',
      body: 'Check that you copied the whole link from the message you received, or ask the person who invited you to send it again.',
    };
  }
  const space = invite.spaceName ? `“${invite.spaceName}”` : 'their space';
  switch (invite.state) {
    case 'open':
      return {
        title: invite.inviterName ? `${invite.inviterName} invited you to ${space}` : `You are invited to ${space}`,
        body: roleMeaning(invite),
      };
    case 'used':
      return {
        title: 'This invitation has already been used',
        body: 'Each link works once. If you joined with it, find the space under your spaces; otherwise ask for a new link.',
      };
    case 'revoked':
      return {
        title: 'This invitation was withdrawn',
        body: 'The person who sent it withdrew it, or made a newer link that replaces it. Ask them for their latest link.',
      };
    case 'expired':
      return { title: 'This invitation has expired', body: 'Links work for 7 days. Ask the person who invited you for a new one.' };
    case 'full':
      return {
        title: `${invite.spaceName ? `“${invite.spaceName}”` : 'This space'} already has two partners`,
        body: 'A space is for one couple, so this partner link can no longer be used. If you are their counsellor, ask them for a counsellor link.',
      };
    case 'already_member':
      return { title: `You are already in ${space}`, body: 'There is nothing to accept: open the space to continue.' };
  }
}

/** What joining means, said before the person decides. */
export function roleMeaning(invite: InvitePreviewDto): string {
  const who = invite.inviterName ?? 'The person who invited you';
  if (invite.role === 'counsellor') {
    return `${who} would like you to join as their counsellor. You will see only the items the couple marks “us + counsellor”, read only, and only after both partners consent. Each time you open their board it is recorded in a log they can read.`;
  }
  return `${who} would like you to join as their partner. Together you keep promises, plan time together and say what you need; each item is visible to only you, to the two of you, or also to a counsellor you both agree on.`;
}
