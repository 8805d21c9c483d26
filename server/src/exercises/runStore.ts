import mongoose from 'mongoose';
import { z } from 'zod';
import type { ExerciseKind } from '@hearth/shared/exercises';
import { ExerciseRunModel } from './exerciseRun.model';
import type { ExerciseRunRecord } from './exerciseRun.model';
import { atomicWrite } from '../platform/db/atomicWrite';
import { readBody } from './machines/index';
import type { ExerciseRun } from './run';
import { isDuplicateKey } from '../platform/db/driverValues';

/** A run as loaded, with the revision a save must match. */
export interface Stored {
  run: ExerciseRun;
  rev: number;
}

/** Absent on runs stored before the "ready?" step existed. */
const PendingStored = z
  .object({ phase: z.string(), turn: z.string().nullable(), deadlineIn: z.number().nullable() })
  .nullable()
  .catch(null);

/** A stored run; null when its kind or data cannot be read (one bad row never hides the rest). */
export function fromRecord(r: ExerciseRunRecord): Stored | null {
  const body = readBody(r.kind, r.data);
  if (!body) return null;
  const run: ExerciseRun = {
    ...body,
    id: r._id.toString(),
    spaceId: r.spaceId,
    contentVersion: r.contentVersion,
    status: r.status,
    phase: r.phase,
    paused: r.paused,
    turn: r.turn ?? null,
    deadline: r.deadline ?? null,
    remainingMs: r.remainingMs ?? null,
    participants: r.participants,
    startedBy: r.startedBy,
    startedAt: r.startedAt,
    endedAt: r.endedAt ?? null,
    endedReason: r.endedReason ?? null,
    endedBy: r.endedBy ?? null,
    ready: r.ready ?? [],
    pending: PendingStored.parse(r.pending),
  };
  return { run, rev: r.rev };
}

function runs(rows: ExerciseRunRecord[]): ExerciseRun[] {
  return rows.flatMap((r) => fromRecord(r)?.run ?? []);
}

function toFields(s: ExerciseRun) {
  const { id, ...rest } = s;
  return { ...rest, activeKey: s.status === 'running' ? s.spaceId : id };
}

/** Persistence for runs: small and explicit so the service and the tests share one path. */
export const runStore = {
  /** Builds the unique index before the first insert relies on it. */
  async ready(): Promise<void> {
    await ExerciseRunModel.init();
  },

  newId(): string {
    return new mongoose.Types.ObjectId().toString();
  },

  /** Inserts a new run; false when the space already has one running. */
  async insert(s: ExerciseRun): Promise<boolean> {
    try {
      await ExerciseRunModel.create({ _id: s.id, ...toFields(s), rev: 1 });
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  },

  /** Saves over revision `rev`; false when someone else saved first. */
  async save(s: ExerciseRun, rev: number): Promise<boolean> {
    // Conditional on `rev`: exactly one of two simultaneous saves lands (atomicWrite).
    const res = await atomicWrite(ExerciseRunModel, () =>
      ExerciseRunModel.updateOne({ _id: s.id, rev }, { $set: { ...toFields(s), rev: rev + 1 } }),
    );
    return res.matchedCount === 1;
  },

  async byId(id: string): Promise<Stored | null> {
    if (!mongoose.isValidObjectId(id)) return null;
    const r = await ExerciseRunModel.findById(id).lean<ExerciseRunRecord>();
    return r ? fromRecord(r) : null;
  },

  async runningIn(spaceId: string): Promise<Stored | null> {
    const r = await ExerciseRunModel.findOne({ activeKey: spaceId }).lean<ExerciseRunRecord>();
    return r ? fromRecord(r) : null;
  },

  async allRunning(): Promise<Stored[]> {
    const rows = await ExerciseRunModel.find({ status: 'running' }).lean<ExerciseRunRecord[]>();
    return rows.flatMap((r) => fromRecord(r) ?? []);
  },

  /** Newest first; `before` pages back by start time. */
  async history(spaceId: string, limit: number, before?: number): Promise<ExerciseRun[]> {
    const filter = before === undefined ? { spaceId } : { spaceId, startedAt: mongoose.trusted({ $lt: before }) };
    const rows = await ExerciseRunModel.find(filter).sort({ startedAt: -1 }).limit(limit).lean<ExerciseRunRecord[]>();
    return runs(rows);
  },

  /** Like `history`, limited to the given run ids (ids that are not ObjectIds are ignored). */
  async historyOf(spaceId: string, ids: string[], limit: number, before?: number): Promise<ExerciseRun[]> {
    const valid = ids.filter((id) => mongoose.isValidObjectId(id));
    if (valid.length === 0) return [];
    const filter = {
      spaceId,
      _id: mongoose.trusted({ $in: valid }),
      ...(before === undefined ? {} : { startedAt: mongoose.trusted({ $lt: before }) }),
    };
    const rows = await ExerciseRunModel.find(filter).sort({ startedAt: -1 }).limit(limit).lean<ExerciseRunRecord[]>();
    return runs(rows);
  },

  /** Deletes one ended run of a space; false when there is none (or it is still running). */
  async deleteEnded(spaceId: string, id: string): Promise<boolean> {
    if (!mongoose.isValidObjectId(id)) return false;
    const res = await ExerciseRunModel.deleteOne({ _id: id, spaceId, status: 'ended' });
    return res.deletedCount === 1;
  },

  /** When the last completed run of a kind ended (the promise review starts from there). */
  async lastCompleted(spaceId: string, kind: ExerciseKind): Promise<ExerciseRun | null> {
    const r = await ExerciseRunModel.findOne({ spaceId, kind, endedReason: 'completed' }).sort({ endedAt: -1 }).lean<ExerciseRunRecord>();
    return r ? (fromRecord(r)?.run ?? null) : null;
  },
};
