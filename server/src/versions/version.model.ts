import mongoose, { Schema } from 'mongoose';

/**
 * A snapshot of one board document (its whole Yjs state). `slot` is unique: one daily
 * snapshot per document and day however many nodes sweep (`<doc>|day|<date>`), and one per
 * restore (`<doc>|restore|<id>`), one after a partner leaves (`<doc>|departure|<time>`). Pruned by the sweep (no TTL index on the embedded database).
 */
const boardVersionSchema = new Schema(
  {
    spaceId: { type: String, required: true, index: true },
    docName: { type: String, required: true, index: true },
    visibility: { type: String, enum: ['couple', 'space', 'private'], required: true },
    /** The owner of a private board ("only me"); '' for the shared ones. */
    ownerId: { type: String, default: '' },
    slot: { type: String, required: true, unique: true },
    reason: { type: String, enum: ['daily', 'restore', 'departure'], required: true },
    at: { type: Date, required: true },
    state: { type: Buffer, required: true },
    items: { type: Number, required: true },
    changedSince: { type: Number, required: true },
  },
  { strict: 'throw', versionKey: false },
);
export const BoardVersion = mongoose.model('BoardVersion', boardVersionSchema);

export interface BoardVersionRecord {
  _id: mongoose.Types.ObjectId;
  spaceId: string;
  docName: string;
  visibility: 'couple' | 'space' | 'private';
  ownerId: string;
  slot: string;
  reason: 'daily' | 'restore' | 'departure';
  at: Date;
  state: Buffer | { buffer: Uint8Array };
  items: number;
  changedSince: number;
}
