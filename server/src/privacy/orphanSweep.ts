import mongoose from 'mongoose';
import { parseDocName } from '@hearth/shared/realtime';
import { AuditEntry } from '../audit/audit.model';
import { ExerciseRunModel } from '../exercises/exerciseRun.model';
import { trusted } from '../platform/db/trusted';
import type { Logger } from '../platform/logger';
import { Consent } from '../spaces/consent.model';
import { Invite } from '../spaces/invite.model';
import { NotificationModel } from '../reminders/reminder.model';
import { Space } from '../spaces/space.model';
import { BoardVersion } from '../versions/version.model';
import { purgeSpaceData } from './spaceErasure';
import type { StoredDocs } from './storedDocs';

const ANY_DOC = /^/;

/**
 * Space deletion removes the space row first (so access ends at once), then its data. A crash
 * in between leaves rows no one can reach; this finds data of spaces that no longer exist and
 * erases it. Run at start-up, before serving. Returns the space ids it cleaned.
 */
export async function sweepOrphanedSpaceData(deps: {
  logger: Logger;
  stored: Pick<StoredDocs, 'storedDocNames' | 'purgeStoredDocs'>;
}): Promise<string[]> {
  const { logger, stored } = deps;
  const referenced = new Set<string>();
  for (const name of await stored.storedDocNames(ANY_DOC)) {
    const parsed = parseDocName(name);
    if (parsed) referenced.add(parsed.spaceId);
  }
  const [invites, audits, exercises, consents, notifications, versions] = await Promise.all([
    Invite.distinct('spaceId'),
    AuditEntry.distinct('spaceId'),
    ExerciseRunModel.distinct('spaceId'),
    Consent.distinct('spaceId'),
    NotificationModel.distinct('spaceId'),
    BoardVersion.distinct('spaceId'),
  ]);
  for (const id of [...invites, ...audits, ...exercises, ...consents, ...notifications, ...versions]) referenced.add(String(id));
  const ids = [...referenced].filter((id) => mongoose.isValidObjectId(id));
  if (ids.length === 0) return [];
  const existing = await Space.find({ _id: trusted({ $in: ids }) }, { _id: 1 }).lean();
  const alive = new Set(existing.map((s) => s._id.toString()));
  const orphaned = ids.filter((id) => !alive.has(id));
  for (const spaceId of orphaned) {
    await purgeSpaceData(spaceId, stored);
    logger.info({ spaceId }, 'erased data left by an interrupted space deletion');
  }
  return orphaned;
}
