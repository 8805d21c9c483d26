import type { Logger } from '../platform/logger';
import { AuditEntry } from './audit.model';

/** What a counsellor did; `target` names a document or exercise, never its content. */
export type AuditAction = 'document.opened' | 'document.closed' | 'exercise.observed' | 'exercise.history' | 'export';

export interface AuditRecord {
  spaceId: string;
  actorId: string;
  action: AuditAction;
  target: string;
}

export interface AuditLog {
  record(entry: AuditRecord): Promise<void>;
  list(spaceId: string): Promise<Array<{ at: string; actorId: string; action: string; target: string }>>;
}

export function createAuditLog(logger: Logger): AuditLog {
  return {
    async record(entry) {
      try {
        await AuditEntry.create({ ...entry, at: new Date() });
      } catch (err) {
        // Access is not refused when the log write fails, but it is never silent.
        logger.error({ err, action: entry.action, spaceId: entry.spaceId }, 'audit write failed');
      }
    },
    async list(spaceId) {
      const rows = await AuditEntry.find({ spaceId }).sort({ at: 1, _id: 1 }).lean();
      return rows.map((r) => ({ at: r.at.toISOString(), actorId: r.actorId, action: r.action, target: r.target }));
    },
  };
}
