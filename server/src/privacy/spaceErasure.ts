import { docNamePattern } from '@hearth/shared/realtime';
import mongoose from 'mongoose';
import { AuditEntry } from '../audit/audit.model';
import { ExerciseRunModel } from '../exercises/exerciseRun.model';
import { AppError } from '../platform/errors';
import { Invite } from '../spaces/invite.model';
import { Consent } from '../spaces/consent.model';
import { findMember } from '../spaces/counsellorAccess';
import { ActivityRead } from '../activity/activity.model';
import { NotificationModel } from '../reminders/reminder.model';
import { Space, type SpaceRecord } from '../spaces/space.model';
import { BoardVersion } from '../versions/version.model';
import { modifySpace } from '../spaces/spaceWrites';
import { spaceForPartner } from '../spaces/spaces.service';
import type { ErasureDeps } from './erasureDeps';
import { scrubDeletedBytes } from './scrub';
import type { StoredDocs } from './storedDocs';

/** Every Yjs document of a space: the three boards' shared two, notes, and all private ones. */
export function spaceDocPattern(spaceId: string): RegExp {
  return docNamePattern({ spaceId });
}

/** Collections a space's rows live in besides its documents (for MongoDB's `compact`). */
export const spaceCollections = () =>
  [Invite, ExerciseRunModel, AuditEntry, Consent, Space, NotificationModel, ActivityRead, BoardVersion].map(
    (m) => m.collection.collectionName,
  );

export type DeletionResult = { done: true } | { done: false; requestedBy: string[] };

/**
 * A partner asks for the space to be deleted. It is deleted once every current partner has
 * asked (at once when there is only one partner); until then the request is pending.
 */
export async function requestSpaceDeletion(spaceId: string, partnerId: string, deps: ErasureDeps): Promise<DeletionResult> {
  await spaceForPartner(spaceId, partnerId);
  let everyone = false;
  const done = await modifySpace(spaceId, (space) => {
    if (findMember(space, partnerId)?.role !== 'partner') throw new AppError('not_found', 'No such space.');
    const requested = new Set(space.deletionRequestedBy ?? []);
    requested.add(partnerId);
    const partners = space.members.filter((m) => m.role === 'partner').map((m) => m.userId.toString());
    everyone = partners.every((p) => requested.has(p));
    return { deletionRequestedBy: [...requested] };
  });
  if (everyone) {
    await purgeSpace(spaceId, deps);
    return { done: true };
  }
  deps.events.emit('space:changed', { spaceId });
  return { done: false, requestedBy: done!.after.deletionRequestedBy };
}

/** Withdraws this partner's deletion request (no-op when there is none). */
export async function cancelSpaceDeletion(spaceId: string, partnerId: string, deps: ErasureDeps): Promise<void> {
  await spaceForPartner(spaceId, partnerId);
  const done = await modifySpace(spaceId, (space) => {
    const requested = space.deletionRequestedBy ?? [];
    return requested.includes(partnerId) ? { deletionRequestedBy: requested.filter((id) => id !== partnerId) } : null;
  });
  if (done) deps.events.emit('space:changed', { spaceId });
}

export async function deletionRequests(spaceId: string, partnerId: string): Promise<string[]> {
  const space: SpaceRecord = await spaceForPartner(spaceId, partnerId);
  return space.deletionRequestedBy ?? [];
}

/**
 * Deletes a space and everything in it. The space row goes first, so every access check
 * fails from then on and live connections close; then its documents (update logs and
 * snapshots), invites, exercise sessions and audit entries; then freed space is scrubbed.
 * Every step is idempotent. Rows a crash leaves behind after the space row is gone are
 * unreachable (no one can open a document of a space that does not exist); `purgeSpaceData`
 * removes them when run again for that id.
 */
export async function purgeSpace(spaceId: string, deps: ErasureDeps, opts: { scrub?: boolean } = {}): Promise<void> {
  if (!mongoose.isValidObjectId(spaceId)) return;
  await Space.deleteOne({ _id: spaceId });
  deps.events.emit('space:deleted', { spaceId });
  deps.events.emit('access:changed', { spaceId });
  const pattern = spaceDocPattern(spaceId);
  await deps.evictDocuments?.((name) => pattern.test(name));
  await purgeSpaceData(spaceId, deps.stored);
  // A caller erasing more afterwards (account deletion) scrubs once at the end instead.
  if (opts.scrub !== false) await scrubDeletedBytes(spaceCollections(), deps.logger);
  deps.logger.info({ spaceId }, 'space deleted');
}

/** Removes every row that belongs to a space (safe to run again). */
export async function purgeSpaceData(spaceId: string, stored: Pick<StoredDocs, 'purgeStoredDocs'>): Promise<string[]> {
  const erased = await stored.purgeStoredDocs(spaceDocPattern(spaceId));
  await Invite.deleteMany({ spaceId });
  await ExerciseRunModel.deleteMany({ spaceId });
  await AuditEntry.deleteMany({ spaceId });
  await Consent.deleteMany({ spaceId });
  await NotificationModel.deleteMany({ spaceId });
  await ActivityRead.deleteMany({ spaceId });
  await BoardVersion.deleteMany({ spaceId });
  return erased;
}
