import { Types } from 'mongoose';
import * as Y from 'yjs';
import {
  docNameOfCollection,
  journalSegment,
  snapshotCollectionName,
  snapshotsOf,
  type JournalRow,
  type SnapshotPartRow,
} from './collabCollections';
import { binaryBytes, hasCodeName, onlyDuplicateKeys } from '../platform/db/driverValues';
import { ensureCollection, listCollectionNames, listSegments } from './journal';

/** Parts stay well below MongoDB's 16 MiB document limit. */
const SNAPSHOT_PART_BYTES = 8 * 1024 * 1024;
/** An incomplete snapshot this old is a crash leftover, not a write in progress. */
const STALE_FRAGMENT_MS = 10 * 60 * 1000;
const DURABLE = { writeConcern: { w: 'majority' as const, j: true } };
/**
 * Loading reads only what it applies, in as few round trips as the driver allows: FerretDB
 * turns every row into a document, so ids, timestamps and document names of thousands of
 * journal rows are measurable (docs/performance.md, "Cold open").
 */
const JOURNAL_PROJECTION = { _id: 0, seq: 1, data: 1, cp: 1 } as const;
const JOURNAL_BATCH = { batchSize: 100_000 } as const;
// Snapshot and journal collections use the raw driver (their names vary); every filter is
// built from server-side values (document names already validated, ObjectIds).

export interface StoredState {
  /** Complete snapshots then journal updates, in the order to apply them (updates commute). */
  updates: Uint8Array[];
  snapshotIds: Types.ObjectId[];
  /** Journal segment → rows of this document in it. */
  segments: Map<string, number>;
  maxSeq: number;
  bytes: number;
}

/** Runs one database write when it is its turn (see `WriteQueue.exclusive`). */
export type WriteTurn = <T>(write: () => Promise<T>) => Promise<T>;

export interface AppendRow {
  id: Types.ObjectId;
  doc: string;
  seq: number;
  data: Uint8Array;
  /** The document's whole state (a checkpoint): it replaces the document's earlier rows in its segment. */
  checkpoint?: boolean;
}

/**
 * The persistence contract of the collab server (injected into `createCollabServer`): load,
 * append, compact, and the journal housekeeping. `createMongoCollabStore` is the real one;
 * `createMemoryCollabStore` (memoryStore.ts) serves unit tests.
 */
/** Journal segments a load may leave out (they hold no row of the document that matters). */
export type SkipSegment = (segment: string) => boolean;

export interface CollabStore {
  load(doc: string, skip?: SkipSegment): Promise<StoredState>;
  /** Many documents' stored state at once, as `load` gives each (for readers such as the reminder pass). */
  loadMany(docs: string[]): Promise<Map<string, StoredState>>;
  append(segment: string, rows: AppendRow[]): Promise<void>;
  /** Creates a journal segment before its first append (optional: append creates it too). */
  prepareSegment?(segment: string): Promise<void>;
  /** `turn` runs each database write (the write lane); without it they run directly. */
  compact(
    doc: string,
    state: Uint8Array,
    covers: { snapshotIds: Types.ObjectId[]; maxSeq: number; rows: number },
    turn?: WriteTurn,
  ): Promise<Types.ObjectId>;
  /** Every journal segment, oldest first. */
  listSegments(): Promise<string[]>;
  dropSegment(segment: string): Promise<void>;
  recoverSegment(segment: string): Promise<void>;
  lastStoredAt(doc: string): Promise<Date | null>;
  storedDocNames(): Promise<string[]>;
  erase(doc: string): Promise<void>;
  collectionsOf(doc: string): string[];
}

/**
 * The MongoDB (and embedded FerretDB) store. No transactions (FerretDB has none): every
 * step is safe alone. Load merges every complete snapshot and every journal row left, so a
 * crash between "snapshot written" and "covered rows dropped" only re-applies idempotent data.
 */
export function createMongoCollabStore(): CollabStore {
  return mongoStore;
}

const mongoStore: CollabStore = {
  listSegments: () => listSegments(),
  loadMany: (docs) => loadStoredStates(docs),

  async load(doc: string, skip?: SkipSegment): Promise<StoredState> {
    // The snapshot read does not wait for the collection listing that finds the journal segments.
    const partsRead = snapshotsOf(doc).find({}).toArray();
    partsRead.catch(() => undefined); // its failure is reported by the Promise.all below
    const segments = (await listSegments()).filter((s) => !skip?.(s));
    const [parts, ...rowsBySegment] = await Promise.all([
      partsRead,
      ...segments.map((s) => journalSegment(s).find({ doc }, JOURNAL_BATCH).project<LoadedRow>(JOURNAL_PROJECTION).toArray()),
    ]);
    return assemble(doc, parts, segments, rowsBySegment);
  },

  /** One insertMany into a journal segment; rows already stored (a retry) count as stored. */
  async append(segment: string, rows: AppendRow[]): Promise<void> {
    if (rows.length === 0) return;
    const now = new Date();
    const records = rows.map((r) => {
      const record: JournalRow = { _id: r.id, doc: r.doc, seq: r.seq, data: Buffer.from(r.data), createdAt: now };
      if (r.checkpoint) record.cp = true;
      return record;
    });
    try {
      await journalSegment(segment).insertMany(records, { ordered: false, ...DURABLE });
    } catch (err) {
      if (!onlyDuplicateKeys(err)) throw err;
    }
  },

  prepareSegment: (segment: string) => ensureCollection(segment),

  /**
   * Writes `state` as the document's new snapshot, then deletes the snapshots it replaces.
   * The journal rows it covers go when their whole segment is dropped.
   */
  async compact(
    doc: string,
    state: Uint8Array,
    covers: { snapshotIds: Types.ObjectId[]; maxSeq: number; rows: number },
    turn: WriteTurn = (write) => write(),
  ): Promise<Types.ObjectId> {
    const collection = snapshotsOf(doc);
    // A first snapshot creates the collection as a write of its own, so that each turn in the
    // write lane is one short statement.
    if (covers.snapshotIds.length === 0) await turn(() => ensureCollection(collection.collectionName));
    const snapshotId = new Types.ObjectId();
    const parts = Math.max(1, Math.ceil(state.length / SNAPSHOT_PART_BYTES));
    const now = new Date();
    for (let part = 0; part < parts; part++) {
      const data = Buffer.from(state.subarray(part * SNAPSHOT_PART_BYTES, (part + 1) * SNAPSHOT_PART_BYTES));
      const row: SnapshotPartRow = {
        _id: new Types.ObjectId(),
        snapshotId,
        part,
        parts,
        coversSeq: covers.maxSeq,
        coversUpdates: covers.rows,
        data,
        createdAt: now,
      };
      await turn(() => collection.insertOne(row, DURABLE));
    }
    if (covers.snapshotIds.length > 0) await turn(() => collection.deleteMany({ snapshotId: { $in: covers.snapshotIds } }));
    return snapshotId;
  },

  async dropSegment(segment: string): Promise<void> {
    await journalSegment(segment)
      .drop()
      .catch((err: unknown) => {
        if (!hasCodeName(err, 'NamespaceNotFound')) throw err;
      });
  },

  /**
   * Folds a segment another (or a crashed) process left into its documents' snapshots, from
   * what the database holds, then drops it. Safe to run twice or concurrently.
   */
  async recoverSegment(segment: string): Promise<void> {
    const docs = await journalSegment(segment).distinct('doc');
    for (const doc of docs) {
      const state = await mongoStore.load(doc);
      const ydoc = new Y.Doc({ gc: true });
      for (const update of state.updates) Y.applyUpdate(ydoc, update);
      const rows = [...state.segments.values()].reduce((n, c) => n + c, 0);
      await mongoStore.compact(doc, Y.encodeStateAsUpdate(ydoc), { snapshotIds: state.snapshotIds, maxSeq: state.maxSeq, rows });
      ydoc.destroy();
    }
    await mongoStore.dropSegment(segment);
  },

  /** The latest time anything was stored for a document (update or compaction), or null. */
  async lastStoredAt(doc: string): Promise<Date | null> {
    const segments = await listSegments();
    const latest = await Promise.all([
      snapshotsOf(doc)
        .find({}, { projection: { createdAt: 1 } })
        .sort({ createdAt: -1 })
        .limit(1)
        .next(),
      ...segments.map((s) =>
        journalSegment(s)
          .find({ doc }, { projection: { createdAt: 1 } })
          .sort({ createdAt: -1 })
          .limit(1)
          .next(),
      ),
    ]);
    const times = latest.map((r) => r?.createdAt).filter((d): d is Date => d instanceof Date);
    return times.length > 0 ? new Date(Math.max(...times.map((d) => d.getTime()))) : null;
  },

  /**
   * Names of every document with anything stored: those with a snapshot collection, and those
   * whose rows are still only in the journal. (A document's collection is created by its first
   * compaction, never on the write path, so a first edit waits for no schema change.)
   */
  async storedDocNames(): Promise<string[]> {
    const names = await listCollectionNames();
    const fromSnapshots = names.map(docNameOfCollection).filter((n): n is string => n !== null);
    const fromJournal = await Promise.all((await listSegments(names)).map((s) => journalSegment(s).distinct('doc')));
    return [...new Set([...fromSnapshots, ...fromJournal.flat()])];
  },

  /**
   * Erases a document for good: its journal rows and its snapshot collection. Evict it from
   * memory first (`CollabServer.evictDocuments`) so nothing is written back.
   */
  async erase(doc: string): Promise<void> {
    for (const segment of await listSegments()) await journalSegment(segment).deleteMany({ doc });
    await snapshotsOf(doc)
      .drop()
      .catch((err: unknown) => {
        if (!hasCodeName(err, 'NamespaceNotFound')) throw err;
      });
  },

  /**
   * The collection holding a document's snapshots (for scrubbing freed pages after erasure);
   * its journal rows live in the segments of `listSegments()`.
   */
  collectionsOf(doc: string): string[] {
    return [snapshotCollectionName(doc)];
  },
};

/** One document's stored state from its snapshot parts and its rows in each journal segment. */
type LoadedRow = Pick<JournalRow, 'seq' | 'data' | 'cp'>;

/**
 * A segment's rows of one document that a load applies: from its last checkpoint row on. A
 * segment is written by one process, whose group commits store each document's rows in the
 * order they were applied, so a checkpoint holds every row of its segment with a lower `seq`;
 * they are read (FerretDB v1 cannot filter them out cheaply) but not applied, and do not count
 * as rows to fold.
 */
export function fromLastCheckpoint<R extends { seq: number; cp?: true }>(rows: R[]): R[] {
  let from = -Infinity;
  for (const row of rows) if (row.cp && row.seq > from) from = row.seq;
  return from === -Infinity ? rows : rows.filter((row) => row.seq >= from);
}

async function assemble(doc: string, parts: SnapshotPartRow[], segments: string[], rowsBySegment: LoadedRow[][]): Promise<StoredState> {
  const state: StoredState = { updates: [], snapshotIds: [], segments: new Map(), maxSeq: 0, bytes: 0 };
  const snapshots = new Map<string, SnapshotPartRow[]>();
  for (const part of parts) {
    const key = part.snapshotId.toHexString();
    snapshots.set(key, [...(snapshots.get(key) ?? []), part]);
  }
  const stale: Types.ObjectId[] = [];
  for (const group of snapshots.values()) {
    const first = group[0]!;
    if (group.length !== first.parts) {
      if (Date.now() - first.createdAt.getTime() > STALE_FRAGMENT_MS) stale.push(...group.map((p) => p._id));
      continue;
    }
    group.sort((x, y) => x.part - y.part);
    const data = Buffer.concat(group.map((p) => toBuffer(p.data)));
    state.updates.push(new Uint8Array(data));
    state.snapshotIds.push(first.snapshotId);
    state.maxSeq = Math.max(state.maxSeq, first.coversSeq);
    state.bytes += data.length;
  }
  const rows: LoadedRow[] = [];
  rowsBySegment.forEach((all, i) => {
    const segmentRows = fromLastCheckpoint(all);
    if (segmentRows.length > 0) state.segments.set(segments[i]!, segmentRows.length);
    for (const row of segmentRows) rows.push(row);
  });
  rows.sort((x, y) => x.seq - y.seq);
  for (const row of rows) {
    const data = toBuffer(row.data);
    state.updates.push(data);
    state.maxSeq = Math.max(state.maxSeq, row.seq);
    state.bytes += data.length;
  }
  if (stale.length > 0) await snapshotsOf(doc).deleteMany({ _id: { $in: stale } });
  return state;
}

/**
 * Many documents' stored state at once, as `load` gives each: one collection listing, the
 * snapshot collections that exist, and one query per journal segment for all of them
 * (instead of a listing and a query per segment for every document). For readers of stored
 * state such as the reminder pass.
 */
async function loadStoredStates(docs: string[]): Promise<Map<string, StoredState>> {
  const out = new Map<string, StoredState>();
  if (docs.length === 0) return out;
  const names = await listCollectionNames();
  const segments = await listSegments(names);
  const existing = new Set(names);
  const [partsByDoc, rowsBySegment] = await Promise.all([
    Promise.all(docs.map((d) => (existing.has(snapshotCollectionName(d)) ? snapshotsOf(d).find({}).toArray() : Promise.resolve([])))),
    Promise.all(
      segments.map((s) =>
        journalSegment(s)
          .find({ doc: { $in: docs } })
          .toArray(),
      ),
    ),
  ]);
  for (const [i, doc] of docs.entries()) {
    const own = rowsBySegment.map((rows) => rows.filter((r) => r.doc === doc));
    out.set(doc, await assemble(doc, partsByDoc[i]!, segments, own));
  }
  return out;
}

function toBuffer(data: unknown): Buffer {
  if (Buffer.isBuffer(data)) return data;
  // The driver returns BSON Binary for binary fields.
  const bytes = binaryBytes(data);
  if (bytes) return Buffer.from(bytes);
  throw new Error('unexpected binary representation in collab store');
}
