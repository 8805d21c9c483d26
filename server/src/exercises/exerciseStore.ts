import mongoose from 'mongoose';
import type { ExerciseKind } from '@hearth/shared/exercises';
import { ExerciseSessionModel } from './exerciseSession.model';
import { atomicWrite } from '../platform/db/atomicWrite';
import type { ExerciseSessionRecord } from './exerciseSession.model';
import type { ExerciseSession } from './session';

/** A session as loaded, with the revision a save must match. */
export interface Stored {
  session: ExerciseSession;
  rev: number;
}

const DUPLICATE_KEY = 11000;

function fromRecord(r: ExerciseSessionRecord): Stored {
  const { _id, activeKey: _a, rev, ...rest } = r;
  return {
    session: { ...rest, id: _id.toString(), kind: rest.kind as ExerciseKind, ready: rest.ready ?? [], pending: rest.pending ?? null },
    rev,
  };
}

function toFields(s: ExerciseSession) {
  const { id, ...rest } = s;
  return { ...rest, activeKey: s.status === 'running' ? s.spaceId : id };
}

/** Persistence for sessions: small and explicit so the service and the tests share one path. */
export const exerciseStore = {
  /** Builds the unique index before the first insert relies on it. */
  async ready(): Promise<void> {
    await ExerciseSessionModel.init();
  },

  newId(): string {
    return new mongoose.Types.ObjectId().toString();
  },

  /** Inserts a running session; false when the space already has one running. */
  async insert(s: ExerciseSession): Promise<boolean> {
    try {
      await ExerciseSessionModel.create({ _id: s.id, ...toFields(s), rev: 1 });
      return true;
    } catch (err) {
      if ((err as { code?: number }).code === DUPLICATE_KEY) return false;
      throw err;
    }
  },

  /** Saves over revision `rev`; false when someone else saved first. */
  async save(s: ExerciseSession, rev: number): Promise<boolean> {
    // Conditional on `rev`: exactly one of two simultaneous saves lands (atomicWrite).
    const res = await atomicWrite(ExerciseSessionModel, () =>
      ExerciseSessionModel.updateOne({ _id: s.id, rev }, { $set: { ...toFields(s), rev: rev + 1 } }),
    );
    return res.matchedCount === 1;
  },

  async byId(id: string): Promise<Stored | null> {
    if (!mongoose.isValidObjectId(id)) return null;
    const r = await ExerciseSessionModel.findById(id).lean<ExerciseSessionRecord>();
    return r ? fromRecord(r) : null;
  },

  async runningIn(spaceId: string): Promise<Stored | null> {
    const r = await ExerciseSessionModel.findOne({ activeKey: spaceId }).lean<ExerciseSessionRecord>();
    return r ? fromRecord(r) : null;
  },

  async allRunning(): Promise<Stored[]> {
    const rows = await ExerciseSessionModel.find({ status: 'running' }).lean<ExerciseSessionRecord[]>();
    return rows.map(fromRecord);
  },

  /** Newest first; `before` pages back by start time. */
  async history(spaceId: string, limit: number, before?: number): Promise<ExerciseSession[]> {
    const filter = before === undefined ? { spaceId } : { spaceId, startedAt: mongoose.trusted({ $lt: before }) };
    const rows = await ExerciseSessionModel.find(filter).sort({ startedAt: -1 }).limit(limit).lean<ExerciseSessionRecord[]>();
    return rows.map((r) => fromRecord(r).session);
  },

  /** Like `history`, limited to the given session ids (ids that are not ObjectIds are ignored). */
  async historyOf(spaceId: string, ids: string[], limit: number, before?: number): Promise<ExerciseSession[]> {
    const valid = ids.filter((id) => mongoose.isValidObjectId(id));
    if (valid.length === 0) return [];
    const filter = {
      spaceId,
      _id: mongoose.trusted({ $in: valid }),
      ...(before === undefined ? {} : { startedAt: mongoose.trusted({ $lt: before }) }),
    };
    const rows = await ExerciseSessionModel.find(filter).sort({ startedAt: -1 }).limit(limit).lean<ExerciseSessionRecord[]>();
    return rows.map((r) => fromRecord(r).session);
  },

  /** Deletes one ended session of a space; false when there is none (or it is still running). */
  async deleteEnded(spaceId: string, id: string): Promise<boolean> {
    if (!mongoose.isValidObjectId(id)) return false;
    const res = await ExerciseSessionModel.deleteOne({ _id: id, spaceId, status: 'ended' });
    return res.deletedCount === 1;
  },

  /** When the last completed session of a kind ended (the promise review starts from there). */
  async lastCompleted(spaceId: string, kind: ExerciseKind): Promise<ExerciseSession | null> {
    const r = await ExerciseSessionModel.findOne({ spaceId, kind, endedReason: 'completed' })
      .sort({ endedAt: -1 })
      .lean<ExerciseSessionRecord>();
    return r ? fromRecord(r).session : null;
  },
};
