import mongoose from 'mongoose';
import { AccountSettingsModel } from '../auth/accountSettings.model';
import { Session } from '../auth/session.model';
import { SignInEvent } from '../auth/signInEvent.model';
import { User } from '../auth/user.model';
import { verifyPassword } from '../auth/password';
import { AppError } from '../platform/errors';
import { Invite } from '../spaces/invite.model';
import { Space, type SpaceRecord } from '../spaces/space.model';
import type { ErasureDeps } from './erasureDeps';
import { scrubDeletedBytes } from './scrub';
import { purgeSpace, spaceCollections } from './spaceErasure';
import { purgeStoredDocs } from './storedDocs';

/** Every private document of a user in any space: their "only me" boards and counsellor notes. */
export function privateDocPattern(userId: string): RegExp {
  return new RegExp(`^(private|notes):[a-f0-9]{24}:${userId}$`);
}

/**
 * Deletes an account after re-checking its password. Sessions go first (no new request or
 * connection can start), then every membership (a space whose last partner this was is
 * deleted whole), then private documents and notes, invites the user created, sign-in
 * records, safety settings and the user record.
 * Shared items the user wrote stay; their `createdBy` names an account that no longer exists
 * and clients show it as "Former member".
 */
export async function deleteAccount(userId: string, password: string, deps: ErasureDeps): Promise<void> {
  const user = await User.findById(userId).lean();
  if (!user) throw new AppError('unauthenticated', 'Log in to continue.');
  if (!(await verifyPassword(user.passwordHash, password))) {
    throw new AppError('invalid_credentials', 'That password is not right.');
  }
  await Session.deleteMany({ userId });

  const spaces = await Space.find({ memberIds: userId }).lean<SpaceRecord[]>();
  for (const space of spaces) await removeFromSpace(space._id.toString(), userId, deps);
  deps.events.emit('access:changed', { userId });

  const pattern = privateDocPattern(userId);
  await deps.evictDocuments?.((name) => pattern.test(name));
  await purgeStoredDocs(pattern);
  await Invite.deleteMany({ createdBy: userId });
  await Invite.updateMany({ usedBy: userId }, { $set: { usedBy: null } });
  await SignInEvent.deleteMany({ userId });
  await AccountSettingsModel.deleteOne({ _id: userId });
  await User.deleteOne({ _id: userId });
  await scrubDeletedBytes(
    [...spaceCollections(), ...[Session, User, SignInEvent, AccountSettingsModel].map((m) => m.collection.collectionName)],
    deps.logger,
  );
  deps.logger.info({ userId }, 'account deleted');
}

/**
 * Takes the user out of one space, whatever their role or access state, and drops their id
 * from consent and deletion lists. If they were its last partner, the space is deleted.
 */
async function removeFromSpace(spaceId: string, userId: string, deps: ErasureDeps): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const space = mongoose.isValidObjectId(spaceId) ? await Space.findById(spaceId).lean<SpaceRecord>() : null;
    const member = space?.members.find((m) => m.userId.toString() === userId);
    if (!space || !member) return;
    const partnersLeft = space.members.filter((m) => m.role === 'partner' && m !== member).length;
    if (member.role === 'partner' && partnersLeft === 0) {
      await purgeSpace(spaceId, deps, { scrub: false });
      return;
    }
    const members = space.members
      .filter((m) => m !== member)
      .map((m) => (m.consentBy ? { ...m, consentBy: m.consentBy.filter((id) => id !== userId) } : m));
    const result = await Space.updateOne(
      { _id: space._id, updatedAt: space.updatedAt },
      {
        $set: {
          members,
          memberIds: space.memberIds.filter((id) => !id.equals(member.userId)),
          partnerCount: space.partnerCount - (member.role === 'partner' ? 1 : 0),
          deletionRequestedBy: (space.deletionRequestedBy ?? []).filter((id) => id !== userId),
        },
      },
    );
    if (result.modifiedCount === 1) {
      deps.events.emit('access:changed', { spaceId, userId });
      // Consent was given by the partners present; a departing partner changes that set.
      if (member.role === 'partner') deps.events.emit('access:changed', { spaceId });
      deps.events.emit('space:changed', { spaceId });
      return;
    }
  }
  throw new AppError('conflict', 'A space changed meanwhile; try again.');
}
