import mongoose, { Schema } from 'mongoose';

/**
 * Append-only record of counsellor access: who, what, when — never content. Nothing in the
 * server updates or deletes these rows except deleting a whole space.
 */
const auditSchema = new Schema(
  {
    spaceId: { type: Schema.Types.ObjectId, required: true, index: true },
    at: { type: Date, required: true },
    actorId: { type: String, required: true },
    action: { type: String, required: true },
    target: { type: String, required: true },
  },
  { strict: 'throw', versionKey: false },
);

export const AuditEntry = mongoose.model('AuditEntry', auditSchema);
