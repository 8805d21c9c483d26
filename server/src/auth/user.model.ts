import mongoose, { Schema } from 'mongoose';

const userSchema = new Schema(
  {
    email: { type: String, required: true, unique: true, lowercase: true, trim: true },
    displayName: { type: String, required: true },
    passwordHash: { type: String, required: true },
  },
  { timestamps: true, strict: 'throw' },
);

export const User = mongoose.model('User', userSchema);
