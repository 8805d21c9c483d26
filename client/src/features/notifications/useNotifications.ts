import { useCallback, useEffect, useState } from 'react';
import type { NotificationDto, NotificationsChangedPayload } from '@hearth/shared/reminders';
import { getSocket } from '../../lib/socket';
import { fetchNotifications, fetchReminderSettings, markNotificationRead } from './notificationsApi';

/** Shows a delivered reminder as a browser notification when the person opted in and allowed it. */
async function showInBrowser(n: NotificationDto): Promise<void> {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  const settings = await fetchReminderSettings().catch(() => null);
  if (!settings?.browserNotifications) return;
  new Notification('Hearth', { body: n.text, tag: n.id });
}

/** The notification centre's list and unread count, kept live over Socket.io. */
export function useNotifications() {
  const [items, setItems] = useState<NotificationDto[]>([]);
  const [unread, setUnread] = useState(0);
  const [loaded, setLoaded] = useState(false);

  const reload = useCallback(async () => {
    try {
      const res = await fetchNotifications();
      setItems(res.notifications);
      setUnread(res.unread);
      setLoaded(true);
    } catch {
      // The header stays usable; the next push or opening the centre tries again.
    }
  }, []);

  useEffect(() => {
    void reload();
    const socket = getSocket();
    const onChanged = (payload: NotificationsChangedPayload) => {
      setUnread(payload.unread);
      if (payload.added) {
        const added = payload.added;
        setItems((list) => [added, ...list.filter((n) => n.id !== added.id)]);
        void showInBrowser(added);
      } else {
        void reload();
      }
    };
    // A reconnect may have missed pushes: read the list again.
    const onConnect = () => void reload();
    socket.on('notifications:changed', onChanged);
    socket.on('connect', onConnect);
    return () => {
      socket.off('notifications:changed', onChanged);
      socket.off('connect', onConnect);
    };
  }, [reload]);

  const markRead = useCallback(async (id: string) => {
    setItems((list) => list.map((n) => (n.id === id ? { ...n, read: true } : n)));
    const res = await markNotificationRead(id);
    setUnread(res.unread);
  }, []);

  return { items, unread, loaded, reload, markRead };
}
