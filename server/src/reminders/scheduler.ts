import type { NotificationsChangedPayload } from '@hearth/shared/reminders';
import { User } from '../auth/user.model';
import { trusted } from '../platform/db/trusted';
import type { Logger } from '../platform/logger';
import type { StoredDocs } from '../privacy/storedDocs';
import { Space, type SpaceRecord } from '../spaces/space.model';
import { candidatesFor, type Candidate } from './candidates';
import { inQuietHours, localTimeOf, type LocalTime } from './localTime';
import { NotificationModel, type NotificationRecord } from './reminder.model';
import { toNotificationDto, unreadCount } from './notifications';
import { reminderSettingsFor } from './settings';
import { isDuplicateKey } from '../platform/db/driverValues';

export interface ReminderSchedulerDeps {
  logger: Logger;
  clock: () => number;
  /** Tells the person's open tabs (every node, through the Socket.io adapter). */
  push: (userId: string, payload: NotificationsChangedPayload) => void;
  /** The stored boards the pass reads (never the live ones: no document is loaded for it). */
  stored: Pick<StoredDocs, 'readStoredDocs'>;
}

export interface ReminderScheduler {
  /** One pass over every space: delivers what is due now. Returns how many were delivered. */
  tick(): Promise<number>;
}

const CAP_RETRIES = 3;
/** Spaces read together: bounds the boards held in memory during a pass. */
const BATCH = 50;

/** The claim on one reminder: person, kind, space, subject, period. */
function keyOf(userId: string, spaceId: string, c: Candidate): string {
  return `${userId}|${c.kind}|${spaceId}|${c.subject}|${c.period}`;
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
          userId,
          spaceId,
          kind: c.kind,
          key,
          week,
          capSlot: `${userId}|${week}|${used}`,
          text: c.text,
          link: `/spaces/${spaceId}`,
          at: new Date(now),
          readAt: null,
        });
        // A space or membership deleted while this pass was reading must not get a reminder.
        const still = await Space.exists({ _id: spaceId, memberIds: userId });
        if (!still) {
          await NotificationModel.deleteOne({ _id: created._id });
          return false;
        }
        const record: NotificationRecord = created.toObject();
        deps.push(userId, { unread: await unreadCount(userId), added: toNotificationDto(record) });
        return true;
      } catch (err) {
        // Another node took this reminder (done) or this cap slot (count again and retry).
        if (!isDuplicateKey(err)) throw err;
      }
    }
    return false;
  }

  /**
   * One pass over a batch of spaces with a fixed number of reads for the whole batch: the
   * partners' settings and names, every board it needs (one read per journal segment), the
   * reminders already sent among today's candidates, and each person's count this week.
   * Only deliveries cost queries of their own.
   */
  async function batchPass(spaces: SpaceRecord[], now: number): Promise<number> {
    const partnersOf = new Map(
      spaces.map((sp) => [sp._id.toString(), sp.members.filter((m) => m.role === 'partner').map((m) => m.userId.toString())]),
    );
    const everyone = [...new Set([...partnersOf.values()].flat())];
    if (everyone.length === 0) return 0;
    const [settings, users] = await Promise.all([
      reminderSettingsFor(everyone),
      User.find({ _id: trusted({ $in: everyone }) }, { displayName: 1 }).lean(),
    ]);
    const names = new Map(users.map((u) => [u._id.toString(), String(u.displayName)]));
    // Who is outside quiet hours now; only their "only me" boards are read.
    const awake: { spaceId: string; userId: string; local: LocalTime }[] = [];
    for (const [spaceId, partners] of partnersOf) {
      for (const userId of partners) {
        const local = localTimeOf(now, settings.get(userId)!.timeZone);
        if (!inQuietHours(local.time, settings.get(userId)!.quietHours)) awake.push({ spaceId, userId, local });
      }
    }
    const spacesAwake = [...new Set(awake.map((p) => p.spaceId))];
    const docs = await deps.stored.readStoredDocs([
      ...spacesAwake.flatMap((id) => [`couple:${id}`, `space:${id}`]),
      ...awake.map((p) => `private:${p.spaceId}:${p.userId}`),
    ]);
    try {
      const due: { spaceId: string; userId: string; local: LocalTime; candidates: Candidate[] }[] = [];
      for (const p of awake) {
        try {
          const shared = [docs.get(`couple:${p.spaceId}`)!, docs.get(`space:${p.spaceId}`)!];
          const partner = partnersOf.get(p.spaceId)!.find((id) => id !== p.userId);
          const candidates = candidatesFor({
            userId: p.userId,
            shared,
            own: docs.get(`private:${p.spaceId}:${p.userId}`) ?? null,
            partnerName: (partner && names.get(partner)) || 'Your partner',
            settings: settings.get(p.userId)!,
            local: p.local,
            now,
          });
          if (candidates.length > 0) due.push({ ...p, candidates });
        } catch (err) {
          log.warn({ err, spaceId: p.spaceId }, 'reminder pass failed for a space');
        }
      }
      if (due.length === 0) return 0;
      const keys = due.flatMap((p) => p.candidates.map((c) => keyOf(p.userId, p.spaceId, c)));
      const [sentRows, weekRows] = await Promise.all([
        NotificationModel.find({ key: trusted({ $in: keys }) }, { key: 1 }).lean(),
        NotificationModel.find(
          {
            userId: trusted({ $in: [...new Set(due.map((p) => p.userId))] }),
            week: trusted({ $in: [...new Set(due.map((p) => p.local.week))] }),
          },
          { userId: 1, week: 1 },
        ).lean(),
      ]);
      const sent = new Set(sentRows.map((n) => n.key));
      const used = new Map<string, number>();
      for (const n of weekRows) used.set(`${n.userId}|${n.week}`, (used.get(`${n.userId}|${n.week}`) ?? 0) + 1);
      let delivered = 0;
      for (const p of due) {
        const cap = settings.get(p.userId)!.weeklyCap;
        // Counted once for the batch; `deliver` counts again before each insert.
        if ((used.get(`${p.userId}|${p.local.week}`) ?? 0) >= cap) continue;
        for (const c of p.candidates) {
          if (sent.has(keyOf(p.userId, p.spaceId, c))) continue;
          try {
            if (await deliver(p.userId, p.spaceId, c, p.local.week, cap, now)) delivered++;
          } catch (err) {
            log.warn({ err, spaceId: p.spaceId }, 'reminder pass failed for a space');
          }
        }
      }
      return delivered;
    } finally {
      for (const doc of docs.values()) doc.destroy();
    }
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
          for (let i = 0; i < spaces.length; i += BATCH) {
            const batch = spaces.slice(i, i + BATCH);
            try {
              delivered += await batchPass(batch, now);
            } catch (err) {
              log.warn({ err, spaces: batch.length }, 'reminder pass failed for a batch of spaces');
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
