import mongoose, { Schema } from 'mongoose';

/**
 * Every sign-in, kept 90 days (retention sweep) so the account owner sees a sign-in on
 * another device even if that session was ended straight after.
 */
const signInEventSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, required: true, index: true },
    sessionId: { type: String, required: true },
    device: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { strict: 'throw', versionKey: false },
);

export const SignInEvent = mongoose.model('SignInEvent', signInEventSchema);
