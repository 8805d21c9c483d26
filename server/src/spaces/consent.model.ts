import mongoose, { Schema, type Types } from 'mongoose';

/**
 * One partner's consent decision about one counsellor: insert-only, one row per decision, so
 * a withdrawal can never be lost to a concurrent write of the space (it touches no shared
 * document). A row counts only for the counsellor engagement (`engagement` = the
 * counsellor's `joinedAt`) and, for grants, the partner set (`epoch` = the space's
 * `partnersChangedAt`) that were current when it was given. See consentState.ts.
 */
const consentSchema = new Schema(
  {
    spaceId: { type: Schema.Types.ObjectId, required: true, index: true },
    counsellorId: { type: String, required: true },
    partnerId: { type: String, required: true },
    kind: { type: String, enum: ['granted', 'withdrawn'], required: true },
    at: { type: Date, required: true },
    until: { type: Date, default: null },
    engagement: { type: Number, required: true },
    epoch: { type: Number, required: true },
  },
  { strict: 'throw', versionKey: false },
);

export interface ConsentRecord {
  _id: Types.ObjectId;
  spaceId: Types.ObjectId;
  counsellorId: string;
  partnerId: string;
  kind: 'granted' | 'withdrawn';
  at: Date;
  until: Date | null;
  engagement: number;
  epoch: number;
}

export const Consent = mongoose.model('Consent', consentSchema);
