import type * as Y from 'yjs';
import type { NotificationsChangedPayload } from '@hearth/shared/reminders';
import { User } from '../auth/user.model';
import { trusted } from '../platform/db/trusted';
import type { Logger } from '../platform/logger';
import { readStoredDoc } from '../privacy/storedDocs';
import { Space, type SpaceRecord } from '../spaces/space.model';
import { candidatesFor, type Candidate } from './candidates';
import { inQuietHours, localTimeOf } from './localTime';
import { NotificationModel, type NotificationRecord } from './reminder.model';
import { toNotificationDto, unreadCount } from './notifications';
import { reminderSettingsFor } from './settings';

export interface ReminderSchedulerDeps {
  logger: Logger;
  clock: () => number;
  /** Tells the person's open tabs (every node, through the Socket.io adapter). */
  push: (userId: string, payload: NotificationsChangedPayload) => void;
}

export interface ReminderScheduler {
  /** One pass over every space: delivers what is due now. Returns how many were delivered. */
  tick(): Promise<number>;
}

const CAP_RETRIES = 3;

/** The claim on one reminder: person, kind, space, subject, period. */
function keyOf(userId: string, spaceId: string, c: Candidate): string {
  return `${userId}|${c.kind}|${spaceId}|${c.subject}|${c.period}`;
}

function isDuplicateKey(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: number }).code === 11000;
}

/**
 * Reminders are computed from stored state on every pass (nothing is kept in memory between
 * passes), so a restart loses nothing and a node that was down catches up on its next pass.
 * Every node may run passes at the same time: a delivery is an insert that the unique `key`
 * and `capSlot` indexes decide (reminder.model.ts).
 */
export function createReminderScheduler(deps: ReminderSchedulerDeps): ReminderScheduler {
  const log = deps.logger.child({ module: 'reminders' });

  async function deliver(userId: string, spaceId: string, c: Candidate, week: string, cap: number, now: number): Promise<boolean> {
    const key = keyOf(userId, spaceId, c);
    for (let attempt = 0; attempt < CAP_RETRIES; attempt++) {
      if (await NotificationModel.exists({ key })) return false;
      const used = await NotificationModel.countDocuments({ userId, week });
      if (used >= cap) return false;
      try {
        const created = await NotificationModel.create({
          userId, spaceId, kind: c.kind, key, week, capSlot: `${userId}|${week}|${used}`,
          text: c.text, link: `/spaces/${spaceId}`, at: new Date(now), readAt: null,
        });
        // A space or membership deleted while this pass was reading must not get a reminder.
        const still = await Space.exists({ _id: spaceId, memberIds: userId });
        if (!still) {
          await NotificationModel.deleteOne({ _id: created._id });
          return false;
        }
        const record = created.toObject() as NotificationRecord;
        deps.push(userId, { unread: await unreadCount(userId), added: toNotificationDto(record) });
        return true;
      } catch (err) {
        // Another node took this reminder (done) or this cap slot (count again and retry).
        if (!isDuplicateKey(err)) throw err;
      }
    }
    return false;
  }

  async function spacePass(space: SpaceRecord, now: number): Promise<number> {
    const spaceId = space._id.toString();
    const partners = space.members.filter((m) => m.role === 'partner').map((m) => m.userId.toString());
    if (partners.length === 0) return 0;
    const [settings, users] = await Promise.all([
      reminderSettingsFor(partners),
      User.find({ _id: trusted({ $in: partners }) }, { displayName: 1 }).lean(),
    ]);
    const names = new Map(users.map((u) => [u._id.toString(), String(u.displayName)]));
    const shared: Y.Doc[] = [await readStoredDoc(`couple:${spaceId}`), await readStoredDoc(`space:${spaceId}`)];
    let delivered = 0;
    for (const userId of partners) {
      const s = settings.get(userId)!;
      const local = localTimeOf(now, s.timeZone);
      if (inQuietHours(local.time, s.quietHours)) continue;
      const own = await readStoredDoc(`private:${spaceId}:${userId}`);
      const partner = partners.find((p) => p !== userId);
      const view = { userId, shared, own, partnerName: (partner && names.get(partner)) || 'Your partner', settings: s, local, now };
      const candidates = candidatesFor(view);
      if (candidates.length === 0) continue;
      if ((await NotificationModel.countDocuments({ userId, week: local.week })) >= s.weeklyCap) continue;
      // One read of what this person already got here, so a quiet pass costs one query each.
      const sent = new Set((await NotificationModel.find({ userId, spaceId }, { key: 1 }).lean()).map((n) => n.key));
      for (const c of candidates) {
        if (sent.has(keyOf(userId, spaceId, c))) continue;
        if (await deliver(userId, spaceId, c, local.week, s.weeklyCap, now)) delivered++;
      }
    }
    return delivered;
  }

  let running: Promise<number> | null = null;
  return {
    tick() {
      // One pass at a time per node; a timer firing during a pass joins it.
      running ??= (async () => {
        const now = deps.clock();
        let delivered = 0;
        try {
          const spaces = await Space.find({}).lean<SpaceRecord[]>();
          for (const space of spaces) {
            try {
              delivered += await spacePass(space, now);
            } catch (err) {
              log.warn({ err, spaceId: space._id.toString() }, 'reminder pass failed for a space');
            }
          }
        } finally {
          running = null;
        }
        return delivered;
      })();
      return running;
    },
  };
}
