import mongoose, { Schema } from 'mongoose';
import { REMINDER_KINDS, type ReminderKind } from '@hearth/shared/reminders';

/** One person's reminder settings (`_id` is the user id); absent means the defaults. */
const reminderSettingsSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    settings: { type: Schema.Types.Mixed, required: true },
  },
  { strict: 'throw', versionKey: false },
);
export const ReminderSettingsModel = mongoose.model('ReminderSettings', reminderSettingsSchema);

/**
 * A delivered reminder. Two unique indexes make delivery exactly-once without a transaction
 * or a lock, on any number of nodes: `key` (person, kind, subject, period) is the claim on
 * the reminder itself, `capSlot` (person, week, n) the claim on the n-th slot of the weekly
 * cap, so two nodes cannot both deliver the cap's last reminder.
 */
const notificationSchema = new Schema(
  {
    userId: { type: String, required: true, index: true },
    spaceId: { type: String, required: true, index: true },
    kind: { type: String, enum: REMINDER_KINDS, required: true },
    key: { type: String, required: true, unique: true },
    week: { type: String, required: true },
    capSlot: { type: String, required: true, unique: true },
    text: { type: String, required: true },
    link: { type: String, required: true },
    at: { type: Date, required: true },
    readAt: { type: Date, default: null },
  },
  { strict: 'throw', versionKey: false },
);
export const NotificationModel = mongoose.model('Notification', notificationSchema);

export interface NotificationRecord {
  _id: mongoose.Types.ObjectId;
  userId: string;
  spaceId: string;
  kind: ReminderKind;
  key: string;
  week: string;
  capSlot: string;
  text: string;
  link: string;
  at: Date;
  readAt?: Date | null;
}
