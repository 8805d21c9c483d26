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
    // "Firefox on Windows": derived at sign-in; the raw user agent is not kept.
    device: { type: String, default: 'Unknown device' },
    // Sign-ins on other devices before this moment were acknowledged in this session.
    noticesSeenAt: { type: Date, default: undefined },
  },
  { timestamps: { createdAt: true, updatedAt: false }, strict: 'throw' },
);

export const Session = mongoose.model('Session', sessionSchema);
