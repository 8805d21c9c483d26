import mongoose from 'mongoose';
import type { AuditLog } from '../audit/audit.service';
import { AuditEntry } from '../audit/audit.model';
import type { CounsellorHistory } from '../exercises/exercises.socket';

const PREFIX = 'exercise:';

/**
 * A counsellor's exercise history is what they watched live under active consent: the
 * `exercise.observed` entries of the access log are the record of that, so nothing from
 * before consent (or from a session they were not there for) is ever returned.
 */
export function counsellorHistory(audit: AuditLog): CounsellorHistory {
  return {
    async sharedSessionIds(spaceId, counsellorId) {
      if (!mongoose.isValidObjectId(spaceId)) return [];
      const rows = await AuditEntry.find({ spaceId, actorId: counsellorId, action: 'exercise.observed' }, { target: 1 }).lean();
      return rows
        .map((r) => r.target)
        .filter((t) => t.startsWith(PREFIX))
        .map((t) => t.slice(PREFIX.length));
    },
    recordRead(spaceId, counsellorId) {
      return audit.record({ spaceId, actorId: counsellorId, action: 'exercise.history', target: 'exercise:history' });
    },
  };
}
