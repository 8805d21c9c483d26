import { Router } from 'express';
import { NotificationIdSchema, ReminderSettings } from '@hearth/shared/reminders';
import { currentUser, requireUser } from '../auth/requireUser';
import { AppError, parseOrThrow } from '../platform/errors';
import { listNotifications, markRead } from './notifications';
import { reminderSettingsOf, saveReminderSettings } from './settings';
import type { NotificationsChangedPayload } from '@hearth/shared/reminders';

export interface ReminderRouteDeps {
  clock: () => number;
  push: (userId: string, payload: NotificationsChangedPayload) => void;
}

/** The notification centre and each person's own reminder settings (docs/reminders.md). */
export function reminderRoutes(deps: ReminderRouteDeps): Router {
  const router = Router();

  router.get('/notifications', requireUser, async (req, res) => {
    res.json(await listNotifications(currentUser(req).id));
  });

  router.post('/notifications/:id/read', requireUser, async (req, res) => {
    const parsed = NotificationIdSchema.safeParse(req.params.id);
    if (!parsed.success) throw new AppError('not_found', 'No such notification.');
    const userId = currentUser(req).id;
    const unread = await markRead(userId, parsed.data, new Date(deps.clock()));
    // Every other open tab of this person updates its count too.
    deps.push(userId, { unread });
    res.json({ unread });
  });

  router.get('/me/reminder-settings', requireUser, async (req, res) => {
    res.json({ settings: await reminderSettingsOf(currentUser(req).id) });
  });

  router.put('/me/reminder-settings', requireUser, async (req, res) => {
    const settings = parseOrThrow(ReminderSettings, req.body);
    res.json({ settings: await saveReminderSettings(currentUser(req).id, settings) });
  });

  return router;
}
