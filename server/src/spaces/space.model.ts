import mongoose, { Schema, type Types } from 'mongoose';

/**
 * A couple space. `memberIds` mirrors `members[].userId` as a flat array so membership is a
 * plain equality query on both MongoDB and FerretDB; `partnerCount` lets one atomic update
 * refuse a third partner without a transaction.
 */
const memberSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, required: true },
    role: { type: String, enum: ['partner', 'counsellor'], required: true },
    joinedAt: { type: Date, required: true },
    // Counsellors only: which partners consented, until when, and when access was withdrawn.
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
  },
  { timestamps: true, strict: 'throw' },
);

export interface MemberRecord {
  userId: Types.ObjectId;
  role: 'partner' | 'counsellor';
  joinedAt: Date;
  consentBy?: string[] | null;
  until?: Date | null;
  withdrawnAt?: Date | null;
  canFacilitate?: boolean | null;
}

export interface SpaceRecord {
  _id: Types.ObjectId;
  name: string;
  members: MemberRecord[];
  memberIds: Types.ObjectId[];
  partnerCount: number;
  deletionRequestedBy: string[];
  createdAt: Date;
  updatedAt: Date;
}

export const Space = mongoose.model('Space', spaceSchema);
