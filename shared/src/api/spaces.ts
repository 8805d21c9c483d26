import { z } from 'zod';

export const ObjectIdSchema = z.string().regex(/^[a-f0-9]{24}$/, 'a 24-character hex id');

export const MemberRole = z.enum(['partner', 'counsellor']);
export type MemberRole = z.infer<typeof MemberRole>;

/** A counsellor's access: pending until both partners consent; withdrawn/expired end it. */
export const CounsellorAccess = z.enum(['pending', 'active', 'withdrawn', 'expired']);
export type CounsellorAccess = z.infer<typeof CounsellorAccess>;

export const CreateSpaceBody = z.strictObject({ name: z.string().trim().min(1).max(80) });
export type CreateSpaceBody = z.infer<typeof CreateSpaceBody>;

export const CreateInviteBody = z.strictObject({ role: MemberRole });
export type CreateInviteBody = z.infer<typeof CreateInviteBody>;

export const InviteTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{20,64}$/, 'an invite token');

export const SpaceMemberDto = z.object({
  userId: z.string(),
  displayName: z.string(),
  role: MemberRole,
  /** Only for counsellors. */
  access: CounsellorAccess.optional(),
});
export type SpaceMemberDto = z.infer<typeof SpaceMemberDto>;

export const SpaceDto = z.object({
  id: z.string(),
  name: z.string(),
  /** In the order they joined: of the partners, the first is the one who invited the other. */
  members: z.array(SpaceMemberDto),
});
export type SpaceDto = z.infer<typeof SpaceDto>;

export const InviteDto = z.object({
  /** The invite's id, to recognise it in the live list of open invites. */
  id: z.string().optional(),
  token: z.string(),
  role: MemberRole,
  expiresAt: z.string(),
  url: z.string(),
});
export type InviteDto = z.infer<typeof InviteDto>;

export const ConsentBody = z.strictObject({
  granted: z.boolean(),
  /** Optional end of access (ISO date-time in the future). */
  until: z.iso.datetime({ offset: true }).optional(),
});
export type ConsentBody = z.infer<typeof ConsentBody>;

export const CounsellorAccessDto = z.object({
  spaceId: z.string(),
  userId: z.string(),
  access: CounsellorAccess,
  consentBy: z.array(z.string()),
  until: z.string().nullable(),
});
export type CounsellorAccessDto = z.infer<typeof CounsellorAccessDto>;
