import { z } from 'zod';
import { ReminderSettings } from '../reminders';
import { AccountSettings } from './account';
import { UserDto } from './auth';
import { InvitePreviewDto } from './invitePreview';
import { InviteDto, SpaceDto } from './spaces';

/**
 * The bodies the REST API answers with (docs/api.md), one schema each, so the client checks
 * every answer instead of trusting it. Objects are not strict: a newer server may add fields.
 */
export const UserResponse = z.object({ user: UserDto });
/** `counsels`: a counsellor in some space, also one whose access has ended (not listed). */
export const SpacesResponse = z.object({ spaces: z.array(SpaceDto), counsels: z.boolean().default(false) });
export const SpaceResponse = z.object({ space: SpaceDto });
export const InviteResponse = z.object({ invite: InviteDto });
export const InvitePreviewResponse = z.object({ invite: InvitePreviewDto });

/** One signed-in session on the account safety centre (`GET /api/me/sessions`). */
export const SessionDto = z.object({
  id: z.string(),
  /** "Firefox on Windows", from the user agent at sign-in. */
  device: z.string(),
  signedInAt: z.string(),
  lastUsedAt: z.string(),
  /** The session this request came from. */
  current: z.boolean(),
});
export type SessionDto = z.infer<typeof SessionDto>;
export const SessionsResponse = z.object({ sessions: z.array(SessionDto) });
export const EndedSessionsResponse = z.object({ ended: z.number().int().nonnegative() });

/** A sign-in on another device the owner has not acknowledged yet (`GET /api/me/sign-ins`). */
export const SignInNoticeDto = z.object({ at: z.string(), device: z.string() });
export type SignInNoticeDto = z.infer<typeof SignInNoticeDto>;
export const SignInsResponse = z.object({ signIns: z.array(SignInNoticeDto) });

/** Where quick exit goes and which helplines the safety page lists (`GET /api/safety`). */
export const Helpline = z.object({
  name: z.string(),
  region: z.string(),
  phone: z.string().optional(),
  url: z.string().optional(),
  hours: z.string().optional(),
});
export type Helpline = z.infer<typeof Helpline>;
export const SafetyInfoDto = z.object({ quickExitUrl: z.string(), helplines: z.array(Helpline) });
export type SafetyInfoDto = z.infer<typeof SafetyInfoDto>;

export const AccountSettingsResponse = z.object({ settings: AccountSettings });
/** What leaving safely did to the shared boards (`POST /api/spaces/:id/leave-safely`). */
export const LeaveSafelyResponse = z.object({ removed: z.number().int(), rewritten: z.number().int() });
export const ReminderSettingsResponse = z.object({ settings: ReminderSettings });
export const DeviceKeyResponse = z.object({ key: z.string() });
/** A space deletion still waiting for the other partner (`DELETE /api/spaces/:id` answers 202). */
export const DeletionPendingResponse = z.object({ pending: z.literal(true), requestedBy: z.array(z.string()) });
export const DeletionRequestsResponse = z.object({ requestedBy: z.array(z.string()) });
