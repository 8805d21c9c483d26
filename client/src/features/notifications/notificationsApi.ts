import type { NotificationsResponse, ReminderSettings } from '@hearth/shared/reminders';
import { request } from '../../lib/http';

export function fetchNotifications(): Promise<NotificationsResponse> {
  return request('GET', '/api/notifications');
}

export function markNotificationRead(id: string): Promise<{ unread: number }> {
  return request('POST', `/api/notifications/${encodeURIComponent(id)}/read`, {});
}

export async function fetchReminderSettings(): Promise<ReminderSettings> {
  return (await request<{ settings: ReminderSettings }>('GET', '/api/me/reminder-settings')).settings;
}

export async function saveReminderSettings(settings: ReminderSettings): Promise<ReminderSettings> {
  return (await request<{ settings: ReminderSettings }>('PUT', '/api/me/reminder-settings', settings)).settings;
}
