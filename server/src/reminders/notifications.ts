import type { NotificationDto } from '@hearth/shared/reminders';
import { atomicWrite } from '../platform/db/atomicWrite';
import { AppError } from '../platform/errors';
import { NotificationModel, type NotificationRecord } from './reminder.model';

const PAGE = 50;

export function toNotificationDto(n: NotificationRecord): NotificationDto {
  return {
    id: n._id.toString(),
    kind: n.kind,
    spaceId: n.spaceId,
    text: n.text,
    link: n.link,
    at: n.at.toISOString(),
    read: n.readAt != null,
  };
}

export function unreadCount(userId: string): Promise<number> {
  return NotificationModel.countDocuments({ userId, readAt: null });
}

export async function listNotifications(userId: string): Promise<{ notifications: NotificationDto[]; unread: number }> {
  const rows = await NotificationModel.find({ userId }).sort({ at: -1 }).limit(PAGE).lean<NotificationRecord[]>();
  return { notifications: rows.map(toNotificationDto), unread: await unreadCount(userId) };
}

/** Marks one of the person's own notifications read (again: no change); another's is not found. */
export async function markRead(userId: string, id: string, now: Date): Promise<number> {
  const found = await NotificationModel.exists({ _id: id, userId });
  if (!found) throw new AppError('not_found', 'No such notification.');
  await atomicWrite(NotificationModel, () => NotificationModel.updateOne({ _id: id, userId, readAt: null }, { $set: { readAt: now } }));
  return unreadCount(userId);
}
