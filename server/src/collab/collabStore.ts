import mongoose, { Types } from 'mongoose';
import { SnapshotModel } from './snapshot.model';
import { UpdateLogModel } from './updateLog.model';

/** Parts stay well below MongoDB's 16 MiB document limit. */
const SNAPSHOT_PART_BYTES = 8 * 1024 * 1024;
/** An incomplete snapshot this old is a crash leftover, not a write in progress. */
const STALE_FRAGMENT_MS = 10 * 60 * 1000;
const DELETE_CHUNK = 500;

export interface StoredState {
  /** Complete snapshots then log updates, in the order to apply them (Yjs updates commute). */
  updates: Uint8Array[];
  snapshotIds: Types.ObjectId[];
  updateIds: Types.ObjectId[];
  maxSeq: number;
  bytes: number;
}

export interface AppendRow {
  id: Types.ObjectId;
  doc: string;
  seq: number;
  data: Uint8Array;
}

/**
 * The persistence contract: load, append, compact. No transactions (FerretDB has none): every
 * step is safe alone. Load merges every complete snapshot and every remaining update, so a
 * crash between "snapshot written" and "covered rows deleted" only re-applies idempotent data.
 */
export const collabStore = {
  async load(doc: string): Promise<StoredState> {
    const snapshotRows = await SnapshotModel.find({ doc }).sort({ snapshotId: 1, part: 1 }).lean();
    const groups = new Map<string, typeof snapshotRows>();
    for (const row of snapshotRows) {
      const key = row.snapshotId.toHexString();
      groups.set(key, [...(groups.get(key) ?? []), row]);
    }
    const state: StoredState = { updates: [], snapshotIds: [], updateIds: [], maxSeq: 0, bytes: 0 };
    const staleFragments: Types.ObjectId[] = [];
    for (const rows of groups.values()) {
      const first = rows[0]!;
      if (rows.length !== first.parts) {
        if (Date.now() - first.createdAt.getTime() > STALE_FRAGMENT_MS) staleFragments.push(first.snapshotId);
        continue;
      }
      const data = Buffer.concat(rows.map((r) => toBuffer(r.data)));
      state.updates.push(new Uint8Array(data));
      state.snapshotIds.push(first.snapshotId);
      state.maxSeq = Math.max(state.maxSeq, first.coversSeq);
      state.bytes += data.length;
    }
    const updateRows = await UpdateLogModel.find({ doc }).sort({ seq: 1, _id: 1 }).lean();
    for (const row of updateRows) {
      const data = toBuffer(row.data);
      state.updates.push(new Uint8Array(data));
      state.updateIds.push(row._id);
      state.maxSeq = Math.max(state.maxSeq, row.seq);
      state.bytes += data.length;
    }
    if (staleFragments.length > 0) {
      await SnapshotModel.deleteMany({ doc, snapshotId: mongoose.trusted({ $in: staleFragments }) });
    }
    return state;
  },

  /** One insertMany; rows whose id is already stored (a retried batch) count as stored. */
  async append(rows: AppendRow[]): Promise<void> {
    if (rows.length === 0) return;
    const now = new Date();
    const docs = rows.map((r) => ({ _id: r.id, doc: r.doc, seq: r.seq, data: Buffer.from(r.data), createdAt: now }));
    try {
      await UpdateLogModel.collection.insertMany(docs, { ordered: false, writeConcern: { w: 'majority', j: true } });
    } catch (err) {
      if (!onlyDuplicateKeys(err)) throw err;
    }
  },

  /**
   * Writes `state` as a new snapshot, then deletes what it replaces. Order matters: the
   * covered rows go only after every part of the new snapshot is stored.
   */
  async compact(
    doc: string,
    state: Uint8Array,
    covers: { snapshotIds: Types.ObjectId[]; updateIds: Types.ObjectId[]; maxSeq: number },
  ): Promise<Types.ObjectId> {
    const snapshotId = new Types.ObjectId();
    const parts = Math.max(1, Math.ceil(state.length / SNAPSHOT_PART_BYTES));
    const now = new Date();
    for (let part = 0; part < parts; part++) {
      const data = Buffer.from(state.subarray(part * SNAPSHOT_PART_BYTES, (part + 1) * SNAPSHOT_PART_BYTES));
      await SnapshotModel.collection.insertOne(
        {
          _id: new Types.ObjectId(),
          doc,
          snapshotId,
          part,
          parts,
          coversSeq: covers.maxSeq,
          coversUpdates: covers.updateIds.length,
          data,
          createdAt: now,
        },
        { writeConcern: { w: 'majority', j: true } },
      );
    }
    for (const ids of chunks(covers.snapshotIds, DELETE_CHUNK)) {
      await SnapshotModel.deleteMany({ doc, snapshotId: mongoose.trusted({ $in: ids }) });
    }
    for (const ids of chunks(covers.updateIds, DELETE_CHUNK)) {
      await UpdateLogModel.deleteMany({ _id: mongoose.trusted({ $in: ids }) });
    }
    return snapshotId;
  },
};

export type CollabStore = typeof collabStore;

function toBuffer(data: unknown): Buffer {
  if (Buffer.isBuffer(data)) return data;
  // lean() returns BSON Binary for Buffer paths.
  const binary = data as { buffer?: Uint8Array; value?: () => Uint8Array };
  if (binary.buffer instanceof Uint8Array) return Buffer.from(binary.buffer);
  throw new Error('unexpected binary representation in collab store');
}

function onlyDuplicateKeys(err: unknown): boolean {
  const e = err as { code?: number; writeErrors?: Array<{ code?: number }> };
  if (e.code === 11000 && !e.writeErrors) return true;
  return Array.isArray(e.writeErrors) && e.writeErrors.length > 0 && e.writeErrors.every((w) => w.code === 11000);
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
