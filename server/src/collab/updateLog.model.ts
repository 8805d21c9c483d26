import mongoose, { Schema, type Types } from 'mongoose';

/**
 * The append-only update log: one row per stored Yjs update (binary, V1 encoding). Rows are
 * deleted only after a complete snapshot that contains them exists (see collabStore.ts).
 */
export interface UpdateRow {
  _id: Types.ObjectId;
  doc: string;
  /** Per-document order hint; Yjs updates commute, so order only speeds up loading. */
  seq: number;
  data: Buffer;
  createdAt: Date;
}

const updateSchema = new Schema<UpdateRow>(
  {
    doc: { type: String, required: true },
    seq: { type: Number, required: true },
    data: { type: Buffer, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'collab_updates', versionKey: false },
);
updateSchema.index({ doc: 1, seq: 1 });

export const UpdateLogModel = mongoose.model<UpdateRow>('CollabUpdate', updateSchema);
