import mongoose, { Schema } from 'mongoose';

/** Safety settings of one account (`_id` is the user id); absent means the defaults. */
const accountSettingsSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    appearOffline: { type: Boolean, default: false },
    idleLockMinutes: { type: Number, default: 0 },
    neutralTitle: { type: Boolean, default: false },
  },
  { strict: 'throw', versionKey: false },
);

export const AccountSettingsModel = mongoose.model('AccountSettings', accountSettingsSchema);
