import mongoose, { Schema, type Types } from 'mongoose';

/**
 * One exercise session. `activeKey` is the space id while running and the session's own id
 * once ended: a plain unique index on it allows one running session per space, and finished
 * sessions never collide (FerretDB has no partial indexes and ignores `sparse`).
 * `rev` guards against two writers: every save matches the rev it read.
 */
const exerciseSessionSchema = new Schema(
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
    endedReason: { type: String, default: null },
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
exerciseSessionSchema.index({ spaceId: 1, startedAt: -1 });
exerciseSessionSchema.index({ status: 1 });

export interface ExerciseSessionRecord {
  _id: Types.ObjectId;
  spaceId: string;
  kind: string;
  contentVersion: number;
  status: 'running' | 'ended';
  activeKey: string;
  phase: string;
  paused: boolean;
  turn: string | null;
  deadline: number | null;
  remainingMs: number | null;
  participants: string[];
  startedBy: string;
  startedAt: number;
  endedAt: number | null;
  endedReason: 'completed' | 'ended' | null;
  endedBy: string | null;
  /** Absent on sessions stored before the "ready?" step existed. */
  ready?: string[];
  pending?: { phase: string; turn: string | null; deadlineIn: number | null } | null;
  data: unknown;
  rev: number;
}

export const ExerciseSessionModel = mongoose.model('ExerciseSession', exerciseSessionSchema);
