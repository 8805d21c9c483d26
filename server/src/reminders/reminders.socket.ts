import type { NotificationsChangedPayload } from '@hearth/shared/reminders';
import { userRoom } from '../realtime/rooms';
import type { HearthIo } from '../realtime/socketServer';

export function notificationPusher(io: HearthIo) {
  return (userId: string, payload: NotificationsChangedPayload) => {
    io.to(userRoom(userId)).emit('notifications:changed', payload);
  };
}
