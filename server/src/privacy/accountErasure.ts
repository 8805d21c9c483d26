import { docNamePattern } from '@hearth/shared/realtime';
import { AccountSettingsModel } from '../auth/accountSettings.model';
import { Session } from '../auth/session.model';
import type { SessionStore } from '../auth/sessions';
import { SignInEvent } from '../auth/signInEvent.model';
import { User } from '../auth/user.model';
import { verifyPassword } from '../auth/password';
import { atomicWrite } from '../platform/db/atomicWrite';
import { AppError } from '../platform/errors';
import { ActivityRead } from '../activity/activity.model';
import { NotificationModel, ReminderSettingsModel } from '../reminders/reminder.model';
import { Invite } from '../spaces/invite.model';
import { Consent } from '../spaces/consent.model';
import { findMember } from '../spaces/counsellorAccess';
import { Space, type SpaceRecord } from '../spaces/space.model';
import { BoardVersion } from '../versions/version.model';
import { announceRemoval, removal } from '../spaces/spaces.service';
import { loadSpace, modifySpace } from '../spaces/spaceWrites';
import type { ErasureDeps } from './erasureDeps';
import { scrubDeletedBytes } from './scrub';
import { purgeSpace, spaceCollections } from './spaceErasure';

/** Every private document of a user in any space: their "only me" boards and counsellor notes. */
export function privateDocPattern(userId: string): RegExp {
  return docNamePattern({ kinds: ['private', 'notes'], userId });
}

/**
 * Deletes an account after re-checking its password. Sessions go first (no new request or
 * connection can start), then every membership (a space whose last partner this was is
 * deleted whole), then private documents and notes, invites the user created, sign-in
 * records, safety settings and the user record.
 * Shared items the user wrote stay; their `createdBy` names an account that no longer exists
 * and clients show it as "Former member".
 */
export async function deleteAccount(
  userId: string,
  password: string,
  deps: ErasureDeps & { sessions: Pick<SessionStore, 'destroyAllFor'> },
): Promise<void> {
  const user = await User.findById(userId).lean();
  if (!user) throw new AppError('unauthenticated', 'Log in to continue.');
  if (!(await verifyPassword(user.passwordHash, password))) {
    throw new AppError('invalid_credentials', 'That password is not right.');
  }
  // Ending them through the store closes the person's live connections at once (4401).
  await deps.sessions.destroyAllFor(userId);

  const spaces = await Space.find({ memberIds: userId }).lean<SpaceRecord[]>();
  for (const space of spaces) await removeFromSpace(space._id.toString(), userId, deps);
  deps.events.emit('access:changed', { userId });

  const pattern = privateDocPattern(userId);
  await deps.evictDocuments?.((name) => pattern.test(name));
  await deps.stored.purgeStoredDocs(pattern);
  await Invite.deleteMany({ createdBy: userId });
  await NotificationModel.deleteMany({ userId });
  await ReminderSettingsModel.deleteOne({ _id: userId });
  await ActivityRead.deleteMany({ userId });
  // Versions of the person's "only me" boards go with the boards.
  await BoardVersion.deleteMany({ ownerId: userId });
  await atomicWrite(Invite, () => Invite.updateMany({ usedBy: userId }, { $set: { usedBy: null } }));
  await SignInEvent.deleteMany({ userId });
  await AccountSettingsModel.deleteOne({ _id: userId });
  await User.deleteOne({ _id: userId });
  await scrubDeletedBytes(
    [
      ...spaceCollections(),
      ...[Session, User, SignInEvent, AccountSettingsModel, ReminderSettingsModel].map((m) => m.collection.collectionName),
    ],
    deps.logger,
  );
  deps.logger.info({ userId }, 'account deleted');
}

/**
 * Takes the user out of one space, whatever their role or access state, and drops their id
 * from the deletion list. If they were its last partner, the space is deleted. Their consent
 * grants go with them; their withdrawals stay (anonymised), so a counsellor they refused
 * does not come back without a new invite.
 */
async function removeFromSpace(spaceId: string, userId: string, deps: ErasureDeps): Promise<void> {
  const space = await loadSpace(spaceId);
  const member = space && findMember(space, userId);
  if (!space || !member) return;
  const partnersLeft = space.members.filter((m) => m.role === 'partner' && m !== member).length;
  if (member.role === 'partner' && partnersLeft === 0) {
    await purgeSpace(spaceId, deps, { scrub: false });
    return;
  }
  const done = await modifySpace(spaceId, (current) => removal(current, userId));
  if (!done) return;
  await Consent.deleteMany({ spaceId, partnerId: userId, kind: 'granted' });
  await Consent.deleteMany({ spaceId, counsellorId: userId });
  await atomicWrite(Consent, () => Consent.updateMany({ spaceId, partnerId: userId }, { $set: { partnerId: FORMER_PARTNER } }));
  announceRemoval(deps.events, spaceId, userId, member.role);
}

/** Stands in for an erased partner in the withdrawals they made. */
const FORMER_PARTNER = 'former-partner';
