/**
 * Account safety constants both sides use. Kept free of zod so the client's first page can
 * import them without the schema library (the schemas are in api/account.ts).
 */

/** Idle lock choices in minutes; 0 turns it off. */
export const IDLE_LOCK_MINUTES = [0, 5, 15, 60] as const;
export type IdleLockMinutes = (typeof IDLE_LOCK_MINUTES)[number];

export interface AccountSettingsShape {
  appearOffline: boolean;
  idleLockMinutes: IdleLockMinutes;
  neutralTitle: boolean;
}

export const DEFAULT_ACCOUNT_SETTINGS: AccountSettingsShape = { appearOffline: false, idleLockMinutes: 0, neutralTitle: false };
