import mongoose, { Schema } from 'mongoose';

/** When one person last read a space's activity (`_id` is `<spaceId>:<userId>`). */
const activityReadSchema = new Schema(
  {
    _id: { type: String, required: true },
    spaceId: { type: String, required: true, index: true },
    userId: { type: String, required: true, index: true },
    seenAt: { type: Date, required: true },
  },
  { strict: 'throw', versionKey: false },
);
export const ActivityRead = mongoose.model('ActivityRead', activityReadSchema);
