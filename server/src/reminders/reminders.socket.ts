import type { NotificationsChangedPayload } from '@hearth/shared/reminders';
import type { HearthIo, HearthSocket } from '../realtime/socketServer';

/** The room every socket of one person joins: their notifications reach all their tabs. */
export function userRoom(userId: string): string {
  return `user:${userId}`;
}

export function joinUserRoom(socket: HearthSocket): void {
  void socket.join(userRoom(socket.data.user.id));
}

export function notificationPusher(io: HearthIo) {
  return (userId: string, payload: NotificationsChangedPayload) => {
    io.to(userRoom(userId)).emit('notifications:changed', payload);
  };
}
