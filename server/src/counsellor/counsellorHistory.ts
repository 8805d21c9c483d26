import mongoose from 'mongoose';
import { SESSION_GAP_MS } from '@hearth/shared/audit';
import type { AuditLog } from '../audit/audit.service';
import { AuditEntry } from '../audit/audit.model';
import type { CounsellorHistory } from '../exercises/exercises.socket';

const PREFIX = 'exercise:';

/**
 * One visit reads the history more than once, each read legitimate: the journey fetches it
 * (a page of 50 at a time) to draw its charts, the "Past exercises" list fetches it when opened.
 * Reads closer than this to the counsellor's last logged read are that same visit, and share
 * its entry; the first read after it is logged again, so a long visit has an entry a minute.
 */
export const HISTORY_READ_WINDOW_MS = SESSION_GAP_MS;

/**
 * A counsellor's exercise history is what they watched live under active consent: the
 * `exercise.observed` entries of the access log are the record of that, so nothing from
 * before consent (or from a session they were not there for) is ever returned.
 */
export function counsellorHistory(audit: AuditLog): CounsellorHistory {
  // Reads of one counsellor in one space, one after another (the journey and the list of one
  // tab ask at the same moment): the second sees the first one's entry.
  const tails = new Map<string, Promise<void>>();

  async function recordUnlessRecent(spaceId: string, counsellorId: string): Promise<void> {
    // While the log is failing, every read must prove it can be logged (fails closed).
    if (audit.writable()) {
      const last = await AuditEntry.findOne({ spaceId, actorId: counsellorId, action: 'exercise.history' }, { at: 1 })
        .sort({ at: -1 })
        .lean();
      if (last && Date.now() - last.at.getTime() < HISTORY_READ_WINDOW_MS) return;
    }
    await audit.record({ spaceId, actorId: counsellorId, action: 'exercise.history', target: 'exercise:history' });
  }

  return {
    async sharedSessionIds(spaceId, counsellorId) {
      if (!mongoose.isValidObjectId(spaceId)) return [];
      const rows = await AuditEntry.find({ spaceId, actorId: counsellorId, action: 'exercise.observed' }, { target: 1 }).lean();
      return rows
        .map((r) => r.target)
        .filter((t) => t.startsWith(PREFIX))
        .map((t) => t.slice(PREFIX.length));
    },
    async recordRead(spaceId, counsellorId) {
      const key = `${spaceId}:${counsellorId}`;
      const mine = (tails.get(key) ?? Promise.resolve()).catch(() => undefined).then(() => recordUnlessRecent(spaceId, counsellorId));
      tails.set(key, mine);
      try {
        await mine;
      } finally {
        if (tails.get(key) === mine) tails.delete(key);
      }
    },
  };
}
