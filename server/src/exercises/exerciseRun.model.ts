import mongoose, { Schema, type InferSchemaType, type Types } from 'mongoose';

/**
 * One run of an exercise. `activeKey` is the space id while running and the run's own id
 * once ended: a plain unique index on it allows one running run per space, and finished
 * runs never collide (FerretDB has no partial indexes and ignores `sparse`).
 * `rev` guards against two writers: every save matches the rev it read.
 */
const exerciseRunSchema = new Schema(
  {
    spaceId: { type: String, required: true },
    kind: { type: String, required: true },
    contentVersion: { type: Number, required: true },
    status: { type: String, enum: ['running', 'ended'], required: true },
    activeKey: { type: String, required: true, unique: true },
    phase: { type: String, required: true },
    paused: { type: Boolean, required: true },
    turn: { type: String, default: null },
    deadline: { type: Number, default: null },
    remainingMs: { type: Number, default: null },
    participants: { type: [String], required: true },
    startedBy: { type: String, required: true },
    startedAt: { type: Number, required: true },
    endedAt: { type: Number, default: null },
    endedReason: { type: String, enum: ['completed', 'ended'], default: null },
    endedBy: { type: String, default: null },
    // The opening "ready?" step: who confirmed, and the first step held back until both have.
    ready: { type: [String], default: [] },
    pending: { type: Schema.Types.Mixed, default: null },
    // Per-kind state; shaped by the machines, keys never come from users.
    data: { type: Schema.Types.Mixed, required: true },
    rev: { type: Number, required: true },
  },
  { strict: 'throw', minimize: false, versionKey: false },
);
exerciseRunSchema.index({ spaceId: 1, startedAt: -1 });
exerciseRunSchema.index({ status: 1 });

/** A stored run, as `lean()` returns it. */
export type ExerciseRunRecord = InferSchemaType<typeof exerciseRunSchema> & { _id: Types.ObjectId };

/** Named `ExerciseRun` in code; the collection keeps the name older deployments stored runs under. */
export const ExerciseRunModel = mongoose.model('ExerciseRun', exerciseRunSchema, 'exercisesessions');
