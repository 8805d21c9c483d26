import { z } from 'zod';

/**
 * Reminders and the notification centre (docs/reminders.md). Hearth nudges, it doesn't nag:
 * each kind is the person's own choice, nothing arrives in quiet hours, and a weekly cap
 * bounds how many arrive at all.
 */
export const REMINDER_KINDS = ['promiseDue', 'confirmPeriod', 'weeklyReview', 'dailyCheckin', 'waitingOnMe'] as const;
export const ReminderKind = z.enum(REMINDER_KINDS);
export type ReminderKind = z.infer<typeof ReminderKind>;

/** "HH:MM", 24-hour, in the person's time zone. */
export const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM');

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
export const TimeZone = z.string().min(1).max(64).refine(isTimeZone, 'an IANA time zone such as Europe/Lisbon');

export const QuietHours = z.strictObject({ from: ClockTime, to: ClockTime });
export type QuietHours = z.infer<typeof QuietHours>;

/** One person's reminder settings (`GET|PUT /api/me/reminder-settings`). */
export const ReminderSettings = z.strictObject({
  kinds: z.strictObject({
    promiseDue: z.boolean(),
    confirmPeriod: z.boolean(),
    weeklyReview: z.boolean(),
    dailyCheckin: z.boolean(),
    waitingOnMe: z.boolean(),
  }),
  /** No reminder is delivered between `from` and `to` (may span midnight); null: none. */
  quietHours: QuietHours.nullable(),
  timeZone: TimeZone,
  /** At most this many reminders per week (Monday to Sunday in the person's time zone). */
  weeklyCap: z.number().int().min(0).max(50),
  /** When the daily check-in reminder comes. */
  checkinTime: ClockTime,
  /** Also show reminders as browser notifications while a Hearth tab is open. */
  browserNotifications: z.boolean(),
});
export type ReminderSettings = z.infer<typeof ReminderSettings>;

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  // The opt-in kinds (weekly review, daily check-in) start off, as the issue asks.
  kinds: { promiseDue: true, confirmPeriod: true, weeklyReview: false, dailyCheckin: false, waitingOnMe: true },
  quietHours: { from: '22:00', to: '08:00' },
  timeZone: 'UTC',
  weeklyCap: 7,
  checkinTime: '20:00',
  browserNotifications: false,
};

/** One notification in the centre (`GET /api/notifications`). */
export interface NotificationDto {
  id: string;
  kind: ReminderKind;
  spaceId: string;
  text: string;
  /** Where the notification leads, an in-app path. */
  link: string;
  at: string;
  read: boolean;
}

export interface NotificationsResponse {
  notifications: NotificationDto[];
  unread: number;
}

export const NotificationIdSchema = z.string().regex(/^[a-f0-9]{24}$/, 'a notification id');

/** Pushed to every open socket of the person. */
export const NotificationsChangedPayload = z.object({
  unread: z.number().int().min(0),
  /** The notification just delivered, when one was. */
  added: z.custom<NotificationDto>().optional(),
});
export type NotificationsChangedPayload = z.infer<typeof NotificationsChangedPayload>;

export interface NotificationServerEvents {
  'notifications:changed': (payload: NotificationsChangedPayload) => void;
}
