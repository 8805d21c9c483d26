import { z } from 'zod';
import { MemberRole } from './spaces';

/**
 * What an invite link is, before anyone accepts it (`GET /api/invites/:token`). Names are
 * given only while the link can still be used: an old link tells a stranger nothing more.
 */
export const InvitePreviewState = z.enum(['open', 'used', 'revoked', 'expired', 'full', 'already_member', 'not_found']);
export type InvitePreviewState = z.infer<typeof InvitePreviewState>;

export const InvitePreviewDto = z.strictObject({
  state: InvitePreviewState,
  /** Null only for `not_found` (a link no invite was ever made for). */
  role: MemberRole.nullable(),
  /** Present for `open`, `full` and `already_member`; null once the link is spent. */
  spaceName: z.string().nullable(),
  inviterName: z.string().nullable(),
  /** Only for `already_member`: where to go instead. */
  spaceId: z.string().nullable(),
  expiresAt: z.string().nullable(),
});
export type InvitePreviewDto = z.infer<typeof InvitePreviewDto>;

/**
 * A partner's view of one open invite link. The token itself is never stored, only its hash,
 * so a link cannot be shown again: only when it was made and until when it works.
 */
export const OpenInviteDto = z.strictObject({
  id: z.string(),
  role: MemberRole,
  createdAt: z.string(),
  expiresAt: z.string(),
});
export type OpenInviteDto = z.infer<typeof OpenInviteDto>;
