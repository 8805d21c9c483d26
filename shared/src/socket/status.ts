import { z } from 'zod';
import { OpenInviteDto } from '../api/invitePreview';
import type { CounsellorMemberDto } from '../api/counsellor';
import { CounsellorAccess, MemberRole, SpaceDto } from '../api/spaces';

const SpaceId = z.string().regex(/^[a-f0-9]{24}$/, 'a space id');

/** Ask for a space's live status (any member, also a counsellor whose access is pending). */
export const StatusWatchPayload = z.strictObject({ spaceId: SpaceId });
export type StatusWatchPayload = z.infer<typeof StatusWatchPayload>;

const CounsellorMember = z.object({
  spaceId: z.string(),
  userId: z.string(),
  displayName: z.string(),
  access: CounsellorAccess,
  consentBy: z.array(z.string()),
  until: z.string().nullable(),
  canFacilitate: z.boolean(),
}) satisfies z.ZodType<CounsellorMemberDto>;

/** What only partners are told: consent per partner, deletion requests, open invite links. */
export const PartnerStatus = z.object({
  counsellors: z.array(CounsellorMember),
  deletionRequestedBy: z.array(z.string()),
  openInvites: z.array(OpenInviteDto),
});
export type PartnerStatus = z.infer<typeof PartnerStatus>;

/**
 * A space as one person may see it right now, pushed after every change. `notices` say in
 * words what just happened ("Sam withdrew consent for Dr Rivera"), written for this person.
 */
export const SpaceStatusOpen = z.object({
  spaceId: z.string(),
  state: z.literal('open'),
  space: SpaceDto,
  role: MemberRole,
  partner: PartnerStatus.nullable(),
  notices: z.array(z.string()),
});
export type SpaceStatusOpen = z.infer<typeof SpaceStatusOpen>;

export const SpaceEndReason = z.enum(['deleted', 'withdrawn', 'expired', 'left', 'removed']);
export type SpaceEndReason = z.infer<typeof SpaceEndReason>;

/** This person no longer has the space: why, in a sentence ("This space was deleted by both partners."). */
export const SpaceStatusEnded = z.object({
  spaceId: z.string(),
  state: z.literal('ended'),
  reason: SpaceEndReason,
  message: z.string(),
});
export type SpaceStatusEnded = z.infer<typeof SpaceStatusEnded>;

export const SpaceStatus = z.discriminatedUnion('state', [SpaceStatusOpen, SpaceStatusEnded]);
export type SpaceStatus = z.infer<typeof SpaceStatus>;

export type StatusAck = { ok: true; status: SpaceStatus } | { ok: false; error: { code: string; message: string } };

export interface StatusClientEvents {
  'status:watch': (payload: StatusWatchPayload, ack: (res: StatusAck) => void) => void;
  'status:unwatch': (payload: StatusWatchPayload) => void;
}

export interface StatusServerEvents {
  'space:status': (status: SpaceStatus) => void;
}
