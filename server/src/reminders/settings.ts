import { DEFAULT_REMINDER_SETTINGS, ReminderSettings } from '@hearth/shared/reminders';
import { atomicWrite } from '../platform/db/atomicWrite';
import { trusted } from '../platform/db/trusted';
import { ReminderSettingsModel } from './reminder.model';

export async function reminderSettingsOf(userId: string): Promise<ReminderSettings> {
  const row = await ReminderSettingsModel.findById(userId).lean();
  const parsed = row ? ReminderSettings.safeParse(row.settings) : null;
  return parsed?.success ? parsed.data : DEFAULT_REMINDER_SETTINGS;
}

/** Settings for many people at once (one query per scheduler pass). */
export async function reminderSettingsFor(userIds: string[]): Promise<Map<string, ReminderSettings>> {
  const rows = userIds.length ? await ReminderSettingsModel.find({ _id: trusted({ $in: userIds }) }).lean() : [];
  const out = new Map<string, ReminderSettings>();
  for (const id of userIds) out.set(id, DEFAULT_REMINDER_SETTINGS);
  for (const row of rows) {
    const parsed = ReminderSettings.safeParse(row.settings);
    if (parsed.success) out.set(row._id.toString(), parsed.data);
  }
  return out;
}

export async function saveReminderSettings(userId: string, settings: ReminderSettings): Promise<ReminderSettings> {
  await atomicWrite(ReminderSettingsModel, () =>
    ReminderSettingsModel.updateOne({ _id: userId }, { $set: { settings } }, { upsert: true }),
  );
  return settings;
}
