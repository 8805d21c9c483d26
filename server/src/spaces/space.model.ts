import mongoose, { Schema, type Types } from 'mongoose';
import type { ConsentRecord } from './consent.model';

/**
 * A couple space. `memberIds` mirrors `members[].userId` as a flat array so membership is a
 * plain equality query on both MongoDB and FerretDB; `partnerCount` lets one atomic update
 * refuse a third partner without a transaction.
 */
const memberSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, required: true },
    role: { type: String, enum: ['partner', 'counsellor'] as const, required: true },
    joinedAt: { type: Date, required: true },
    // Legacy (before consent records, see consent.model.ts): read nowhere, kept so that old
    // member entries still validate when the members array is written back.
    consentBy: { type: [String], default: undefined },
    until: { type: Date, default: undefined },
    withdrawnAt: { type: Date, default: undefined },
    canFacilitate: { type: Boolean, default: undefined },
  },
  { _id: false, strict: 'throw' },
);

const spaceSchema = new Schema(
  {
    name: { type: String, required: true },
    members: { type: [memberSchema], default: [] },
    memberIds: { type: [Schema.Types.ObjectId], default: [], index: true },
    partnerCount: { type: Number, default: 0 },
    /** Partners who asked for the space to be deleted (deleted when both have). */
    deletionRequestedBy: { type: [String], default: [] },
    /** When the set of partners last changed: consent given before it no longer counts. */
    partnersChangedAt: { type: Date, default: null },
    /** Bumped by every write (spaceWrites.ts): the guard of each read-modify-write. */
    rev: { type: Number, default: 0 },
  },
  { timestamps: true, strict: 'throw' },
);

export interface MemberRecord {
  userId: Types.ObjectId;
  role: 'partner' | 'counsellor';
  /** For a counsellor also the start of the current engagement (reset by a new invite). */
  joinedAt: Date;
  canFacilitate?: boolean | null;
}

export interface SpaceRecord {
  _id: Types.ObjectId;
  name: string;
  members: MemberRecord[];
  memberIds: Types.ObjectId[];
  partnerCount: number;
  deletionRequestedBy: string[];
  partnersChangedAt?: Date | null;
  rev?: number;
  /** Not stored here: the space's consent records, attached by `withConsents` when loaded. */
  consents?: ConsentRecord[];
  createdAt: Date;
  updatedAt: Date;
}

export const Space = mongoose.model('Space', spaceSchema);
