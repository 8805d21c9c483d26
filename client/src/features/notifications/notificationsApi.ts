import type { NotificationsResponse, ReminderSettings } from '@hearth/shared/reminders';
import { ReminderSettingsResponse } from '@hearth/shared/api';
import { requestUnchecked, request } from '../../lib/http';

export function fetchNotifications(): Promise<NotificationsResponse> {
  return requestUnchecked('GET', '/api/notifications');
}

export function markNotificationRead(id: string): Promise<{ unread: number }> {
  return requestUnchecked('POST', `/api/notifications/${encodeURIComponent(id)}/read`, {});
}

export async function fetchReminderSettings(): Promise<ReminderSettings> {
  return (await request('GET', '/api/me/reminder-settings', ReminderSettingsResponse)).settings;
}

export async function saveReminderSettings(settings: ReminderSettings): Promise<ReminderSettings> {
  return (await request('PUT', '/api/me/reminder-settings', ReminderSettingsResponse, settings)).settings;
}
