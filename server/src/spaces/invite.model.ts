import mongoose, { Schema } from 'mongoose';

/** Single-use invite. Only a hash of the token is stored; the link holds the token itself. */
const inviteSchema = new Schema(
  {
    tokenHash: { type: String, required: true, unique: true },
    spaceId: { type: Schema.Types.ObjectId, required: true, index: true },
    role: { type: String, enum: ['partner', 'counsellor'] as const, required: true },
    createdBy: { type: Schema.Types.ObjectId, required: true },
    expiresAt: { type: Date, required: true },
    usedAt: { type: Date, default: null },
    usedBy: { type: Schema.Types.ObjectId, default: null },
    revokedAt: { type: Date, default: null },
  },
  { timestamps: true, strict: 'throw' },
);

export const Invite = mongoose.model('Invite', inviteSchema);
