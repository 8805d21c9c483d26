import mongoose, { type Collection, type Types } from 'mongoose';
import { parseDocName } from '@hearth/shared/realtime';

/**
 * The collab store's collections, addressed through the raw driver (their names vary, so no
 * mongoose model): row types, and the names of journal segments and snapshot collections.
 *
 * Storage layout (see docs/realtime.md, "Storage"):
 * - `collab_journal_<opened>_<rand>`: segments of the journal, every accepted update of every
 *   document, appended with one insertMany per group commit (one write transaction however
 *   many documents are busy) and dropped whole once snapshots cover them (journal.ts).
 * - `collab_<kind>_<ids>`: one collection per document holding its snapshot parts.
 * FerretDB v1 pushes no filter down to SQLite, so every query reads its whole collection:
 * dropping whole segments keeps the journal short, and per-document snapshot collections keep loading
 * proportional to one document, not to all documents ever stored.
 */
export interface JournalRow {
  _id: Types.ObjectId;
  doc: string;
  /** Per-document order hint; Yjs updates commute, so order only speeds up loading. */
  seq: number;
  data: Buffer;
  createdAt: Date;
  /**
   * A checkpoint row (`LiveDoc.checkpoint`): the document's whole state when it was queued.
   * Rows of the same document in the same segment with a lower `seq` are inside it.
   */
  cp?: true;
}

/** One segment of the journal (see journal.ts); rows are addressed by the raw driver. */
export function journalSegment(name: string): Collection<JournalRow> {
  return mongoose.connection.collection<JournalRow>(name);
}

/** A snapshot counts only when all `parts` rows with its `snapshotId` exist. */
export interface SnapshotPartRow {
  _id: Types.ObjectId;
  snapshotId: Types.ObjectId;
  part: number;
  parts: number;
  /** What this snapshot covers: highest journal `seq` and number of journal rows folded in. */
  coversSeq: number;
  coversUpdates: number;
  data: Buffer;
  createdAt: Date;
}

const SNAPSHOT_PREFIX = 'collab_';

/** `space:<id>` → `collab_space_<id>`; only valid document names get a collection. */
export function snapshotCollectionName(docName: string): string {
  if (!parseDocName(docName)) throw new Error(`not a Hearth document name: ${docName}`);
  return SNAPSHOT_PREFIX + docName.replaceAll(':', '_');
}

/** The inverse of `snapshotCollectionName`, or null for any other collection. */
export function docNameOfCollection(collection: string): string | null {
  if (!collection.startsWith(SNAPSHOT_PREFIX)) return null;
  const rest = collection.slice(SNAPSHOT_PREFIX.length);
  const sep = rest.indexOf('_');
  if (sep < 0) return null;
  const name = `${rest.slice(0, sep)}:${rest.slice(sep + 1).replaceAll('_', ':')}`;
  return parseDocName(name) ? name : null;
}

export function snapshotsOf(docName: string): Collection<SnapshotPartRow> {
  return mongoose.connection.collection<SnapshotPartRow>(snapshotCollectionName(docName));
}
