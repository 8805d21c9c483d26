import { AppError } from '../platform/errors';
import type { HearthEvents } from '../platform/events';
import type { Logger } from '../platform/logger';
import { AuditEntry } from './audit.model';

/** What a counsellor did; `target` names a document or exercise, never its content. */
export type AuditAction = 'document.opened' | 'document.closed' | 'exercise.observed' | 'exercise.history' | 'export' | 'version.restored';

export interface AuditRecord {
  spaceId: string;
  actorId: string;
  action: AuditAction;
  target: string;
}

export interface AuditLog {
  /**
   * Writes one entry, or throws `audit_unavailable`: counsellor access that cannot be logged
   * is refused, so callers write the entry before they grant anything.
   */
  record(entry: AuditRecord): Promise<void>;
  list(spaceId: string): Promise<Array<{ at: string; actorId: string; action: string; target: string }>>;
  /** False from a failed write until the next successful one. */
  writable(): boolean;
}

/** Every entry written is announced as `audit:recorded`, so the partners' log follows it live. */
export function createAuditLog(logger: Logger, events: HearthEvents): AuditLog {
  let failing = false;
  return {
    async record(entry) {
      try {
        await AuditEntry.create({ ...entry, at: new Date() });
        failing = false;
      } catch (err) {
        failing = true;
        logger.error({ err, action: entry.action, spaceId: entry.spaceId }, 'audit write failed: access refused');
        throw new AppError('audit_unavailable', 'Access cannot be logged right now, so it is not granted; try again shortly.');
      }
      events.emit('audit:recorded', { spaceId: entry.spaceId });
    },
    async list(spaceId) {
      const rows = await AuditEntry.find({ spaceId }).sort({ at: 1, _id: 1 }).lean();
      return rows.map((r) => ({ at: r.at.toISOString(), actorId: r.actorId, action: r.action, target: r.target }));
    },
    writable: () => !failing,
  };
}
