import { z } from 'zod';
import { PasswordSchema } from './auth';
import { DEFAULT_ACCOUNT_SETTINGS, IDLE_LOCK_MINUTES } from '../safety';

export { DEFAULT_ACCOUNT_SETTINGS, IDLE_LOCK_MINUTES };

export const SessionIdSchema = z.string().regex(/^[a-f0-9]{64}$/, 'a session id');

export const ChangePasswordBody = z.strictObject({
  current: z.string().min(1).max(256),
  next: PasswordSchema,
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

/** Per-account safety settings, the same on every device (`GET`/`PATCH /api/me/settings`). */
export const AccountSettings = z.strictObject({
  /** Presence off: partners and counsellors never see this person online. */
  appearOffline: z.boolean(),
  /** Sign out after this many minutes without activity; 0 is off. */
  idleLockMinutes: z.union([z.literal(0), z.literal(5), z.literal(15), z.literal(60)]),
  /** The tab shows a neutral title ("Notes") instead of Hearth's. */
  neutralTitle: z.boolean(),
});
export type AccountSettings = z.infer<typeof AccountSettings>;
export const AccountSettingsPatch = AccountSettings.partial();
export type AccountSettingsPatch = z.infer<typeof AccountSettingsPatch>;

export const HelplineSchema = z.strictObject({
  name: z.string().min(1).max(120),
  region: z.string().min(1).max(60),
  phone: z.string().max(40).optional(),
  url: z.url().max(300).optional(),
  hours: z.string().max(80).optional(),
});
