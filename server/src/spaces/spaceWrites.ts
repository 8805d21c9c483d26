import { setTimeout as sleep } from 'node:timers/promises';
import mongoose, { type Types } from 'mongoose';
import { atomicWrite } from '../platform/db/atomicWrite';
import { trusted } from '../platform/db/trusted';
import { AppError } from '../platform/errors';
import { Consent, type ConsentRecord } from './consent.model';
import { Space, type MemberRecord, type SpaceRecord } from './space.model';

/** Attaches each space's consent records (needed by every counsellor access decision). */
export async function withConsents<S extends SpaceRecord>(spaces: S[]): Promise<S[]> {
  if (spaces.length === 0) return spaces;
  const rows = await Consent.find({ spaceId: trusted({ $in: spaces.map((s) => s._id) }) }).lean<ConsentRecord[]>();
  return spaces.map((space) => ({ ...space, consents: rows.filter((r) => r.spaceId.equals(space._id)) }));
}

/** A space with its consent records, or null. */
export async function loadSpace(spaceId: string): Promise<SpaceRecord | null> {
  if (!mongoose.isValidObjectId(spaceId)) return null;
  const space = await Space.findById(spaceId).lean<SpaceRecord>();
  return space ? (await withConsents([space]))[0]! : null;
}

export async function loadSpacesOf(userId: string): Promise<SpaceRecord[]> {
  return withConsents(await Space.find({ memberIds: userId }).sort({ createdAt: 1 }).lean<SpaceRecord[]>());
}

export interface SpaceChange {
  members?: MemberRecord[];
  memberIds?: Types.ObjectId[];
  partnerCount?: number;
  deletionRequestedBy?: string[];
  partnersChangedAt?: Date;
}

const ATTEMPTS = 40;

/**
 * Read–modify–write of one space, applied exactly once on MongoDB and on the embedded
 * database: the write is conditional on the `rev` that was read (and bumps it), so a change
 * computed from a stale read never lands; it is recomputed from a fresh read instead.
 * `change` may throw an AppError to refuse; it returns null for "nothing to do".
 */
export async function modifySpace(
  spaceId: string,
  change: (space: SpaceRecord) => SpaceChange | null,
): Promise<{ before: SpaceRecord; after: SpaceRecord } | null> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const space = await loadSpace(spaceId);
    if (!space) throw new AppError('not_found', 'No such space.');
    const set = change(space);
    if (!set) return null;
    const rev = space.rev ?? 0;
    // Spaces written before `rev` existed lack the field: null matches a missing field.
    const revFilter = rev === 0 ? trusted({ $in: [0, null] }) : rev;
    const result = await atomicWrite(Space, () => Space.updateOne({ _id: space._id, rev: revFilter }, { $set: set, $inc: { rev: 1 } }));
    if (result.modifiedCount === 1) return { before: space, after: { ...space, ...set, rev: rev + 1 } };
    await sleep(Math.random() * Math.min(50, 2 * (attempt + 1)));
  }
  throw new AppError('conflict', 'The space changed meanwhile; try again.');
}
