import { parseDocName } from '@hearth/shared/realtime';
import type * as Y from 'yjs';
import { AuditEntry } from '../audit/audit.model';
import { SignInEvent } from '../auth/signInEvent.model';
import { Session } from '../auth/session.model';
import { ExerciseRunModel } from '../exercises/exerciseRun.model';
import { atomicWrite } from '../platform/db/atomicWrite';
import { trusted } from '../platform/db/trusted';
import type { Logger } from '../platform/logger';
import { propertyOf } from '../platform/propertyOf';
import { Invite } from '../spaces/invite.model';
import { trimVersions } from '../versions/trimVersions';
import { ARCHIVED_ITEM_DAYS, archiveCutoff, dropExpiredArchived } from './archivedExpiry';
import type { StoredDocs } from './storedDocs';

const DAY = 86_400_000;

/**
 * How long Hearth keeps what (docs/privacy.md, "What is kept for how long"). The embedded
 * database has no TTL indexes, so a periodic sweep deletes what is past its time.
 */
export const RETENTION_DAYS = {
  /** Ended exercise sessions (results already on the board where they were shared). */
  endedExercises: 365,
  /** Invites once used, revoked or expired. */
  spentInvites: 30,
  /** The counsellor access log. */
  auditEntries: 730,
  /** Board items archived and left untouched. */
  archivedItems: ARCHIVED_ITEM_DAYS,
  /** The sign-in record behind new sign-in notices. */
  signIns: 90,
} as const;
/** Sessions end after 30 days without use (auth/sessions.ts); expired rows are swept here too. */

export interface SweepCounts {
  exercises: number;
  unrevealedAnswers: number;
  invites: number;
  audit: number;
  signIns: number;
  sessions: number;
  archivedItems: number;
  /** Versions rewritten without items the schedule removed from the board. */
  versionsTrimmed: number;
}

export interface RetentionDeps {
  logger: Logger;
  /** A change on a live board document, stored and broadcast like any edit. */
  withDoc<T>(docName: string, fn: (doc: Y.Doc) => T): Promise<T>;
  /** Which board documents are stored (the sweep visits each). */
  stored: Pick<StoredDocs, 'storedDocNames'>;
  /**
   * Ends expired sessions through the session store, which announces each one so its live
   * connections close (without it, the rows are only deleted).
   */
  sweepSessions?: () => Promise<number>;
}

/** One pass of the schedule; safe to run on several nodes at once (deletes are idempotent). */
export async function sweepRetention(deps: RetentionDeps, now = new Date()): Promise<SweepCounts> {
  const before = (days: number) => trusted({ $lt: new Date(now.getTime() - days * DAY) });
  const beforeMs = (days: number) => trusted({ $lt: now.getTime() - days * DAY });

  const exercises = await ExerciseRunModel.deleteMany({ status: 'ended', endedAt: beforeMs(RETENTION_DAYS.endedExercises) });
  // Sessions ended by an older version kept unrevealed answers: they belong to nobody now.
  // (Filtered here rather than in the query: FerretDB's support for array-index paths is partial.)
  const ended = await ExerciseRunModel.find({ kind: 'checkin', status: 'ended' }, { data: 1 }).lean();
  const leaking = ended.filter((r) => {
    const answers = propertyOf(r.data, 'answers');
    return propertyOf(r.data, 'revealedAt') === null && Array.isArray(answers) && answers.length > 0;
  });
  for (const r of leaking) {
    await atomicWrite(ExerciseRunModel, () => ExerciseRunModel.updateOne({ _id: r._id }, { $set: { 'data.answers': [] } }));
  }
  const unrevealed = { modifiedCount: leaking.length };
  const cutoff = new Date(now.getTime() - RETENTION_DAYS.spentInvites * DAY);
  const invites = await Invite.deleteMany({
    $or: [{ usedAt: trusted({ $lt: cutoff }) }, { revokedAt: trusted({ $lt: cutoff }) }, { expiresAt: trusted({ $lt: cutoff }) }],
  });
  const audit = await AuditEntry.deleteMany({ at: before(RETENTION_DAYS.auditEntries) });
  const signIns = await SignInEvent.deleteMany({ at: before(RETENTION_DAYS.signIns) });
  const sessions = deps.sweepSessions
    ? { deletedCount: await deps.sweepSessions() }
    : await Session.deleteMany({ expiresAt: trusted({ $lte: now }) });
  const archivedItems = await sweepArchivedItems(deps, archiveCutoff(now));
  // Then history: what left the board must not survive in its versions (pruned by age apart).
  const versionsTrimmed = await trimVersions(archiveCutoff(now));

  const counts: SweepCounts = {
    exercises: exercises.deletedCount,
    unrevealedAnswers: unrevealed.modifiedCount,
    invites: invites.deletedCount,
    audit: audit.deletedCount,
    signIns: signIns.deletedCount,
    sessions: sessions.deletedCount,
    archivedItems,
    versionsTrimmed,
  };
  if (Object.values(counts).some((n) => n > 0)) deps.logger.info({ counts }, 'retention sweep');
  return counts;
}

/** Deletes board items archived before `cutoff` (all three kinds of board document). */
async function sweepArchivedItems(deps: RetentionDeps, cutoff: Date): Promise<number> {
  let removed = 0;
  for (const name of await deps.stored.storedDocNames(/^/)) {
    const parsed = parseDocName(name);
    if (!parsed || parsed.kind === 'notes') continue;
    removed += await deps.withDoc(name, (doc) => dropExpiredArchived(doc, cutoff).length);
  }
  return removed;
}

/** Runs the sweep now and then every `intervalMs`; returns a stop function. */
export function scheduleRetention(deps: RetentionDeps, intervalMs = 6 * 60 * 60_000): () => void {
  let running = false;
  const run = () => {
    if (running) return;
    running = true;
    sweepRetention(deps)
      .catch((err: unknown) => deps.logger.warn({ err }, 'retention sweep failed'))
      .finally(() => {
        running = false;
      });
  };
  const timer = setInterval(run, intervalMs);
  timer.unref();
  const first = setTimeout(run, 5_000);
  first.unref();
  return () => {
    clearInterval(timer);
    clearTimeout(first);
  };
}
