import mongoose, { Schema, type Types } from 'mongoose';

/**
 * Compacted document state, split into parts below the 16 MiB document limit. A snapshot
 * counts only when all `parts` rows with its `snapshotId` exist, so a crash mid-write leaves
 * an ignorable fragment, never a truncated state.
 */
export interface SnapshotRow {
  _id: Types.ObjectId;
  doc: string;
  snapshotId: Types.ObjectId;
  part: number;
  parts: number;
  /** Highest update `seq` folded in, and how many updates: what this snapshot covers. */
  coversSeq: number;
  coversUpdates: number;
  data: Buffer;
  createdAt: Date;
}

const snapshotSchema = new Schema<SnapshotRow>(
  {
    doc: { type: String, required: true },
    snapshotId: { type: Schema.Types.ObjectId, required: true },
    part: { type: Number, required: true },
    parts: { type: Number, required: true },
    coversSeq: { type: Number, required: true },
    coversUpdates: { type: Number, required: true },
    data: { type: Buffer, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'collab_snapshots', versionKey: false },
);
snapshotSchema.index({ doc: 1, snapshotId: 1, part: 1 }, { unique: true });

export const SnapshotModel = mongoose.model<SnapshotRow>('CollabSnapshot', snapshotSchema);
