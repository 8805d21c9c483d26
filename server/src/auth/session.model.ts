import mongoose, { Schema } from 'mongoose';

/**
 * A login session. `_id` is an HMAC of the cookie token, so a leaked database row cannot be
 * replayed as a cookie. Expiry is by query plus a periodic sweep (FerretDB has no TTL index).
 */
const sessionSchema = new Schema(
  {
    _id: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, required: true, index: true },
    expiresAt: { type: Date, required: true, index: true },
    lastSeenAt: { type: Date, required: true },
  },
  { timestamps: { createdAt: true, updatedAt: false }, strict: 'throw' },
);

export const Session = mongoose.model('Session', sessionSchema);
