import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { hasCodeName } from '../platform/db/driverValues';

const PREFIX = 'collab_journal_';
/** A next segment named for a rotation this long ago is not used (see `begin`). */
const STALE_NEXT_MS = 5000;

/**
 * The update journal as rotating segments: one collection per time slice, appended with one
 * insertMany per group commit. A segment is dropped whole once every row in it is inside a
 * snapshot, because FerretDB v1 evaluates every filter by reading the entire collection:
 * deleting rows one by one from a big journal costs more than the writes themselves.
 */
export class Journal {
  private currentName: string;
  private currentOpenedAt: number;
  /** The next segment, named ahead of rotation so that it can be created off the commit path. */
  private nextName: string | null = null;
  private readonly inFlight = new Map<string, number>();
  /** Segments this process wrote to, with when they stopped taking writes. */
  private readonly closed = new Map<string, number>();
  /** Own segment → documents that may have rows there (noted before each write). */
  private readonly docsBySegment = new Map<string, Set<string>>();

  constructor(private readonly rotateMs: number) {
    this.currentOpenedAt = Date.now();
    this.currentName = segmentName(this.currentOpenedAt);
  }

  /** The segment to write to now (rotating when it has been open long enough). */
  begin(): string {
    const now = Date.now();
    if (now - this.currentOpenedAt >= this.rotateMs) {
      this.closed.set(this.currentName, now);
      this.currentOpenedAt = now;
      // Other processes judge a segment's age by its name: use one named for a rotation long
      // past only as an empty segment to drop.
      const next = this.nextName;
      const fresh = next !== null && now - segmentOpenedAt(next)! <= STALE_NEXT_MS;
      if (next !== null && !fresh) this.closed.set(next, now);
      this.currentName = fresh ? next : segmentName(now);
      this.nextName = null;
    }
    this.inFlight.set(this.currentName, (this.inFlight.get(this.currentName) ?? 0) + 1);
    return this.currentName;
  }

  /**
   * The segment the journal rotates to next, once rotation is less than `leadMs` away (null
   * before): creating it beforehand keeps the collection's creation out of a group commit.
   */
  upcoming(leadMs: number): string | null {
    const rotatesAt = this.currentOpenedAt + this.rotateMs;
    if (Date.now() < rotatesAt - leadMs) return null;
    return (this.nextName ??= segmentName(rotatesAt));
  }

  end(segment: string): void {
    const n = (this.inFlight.get(segment) ?? 1) - 1;
    if (n <= 0) this.inFlight.delete(segment);
    else this.inFlight.set(segment, n);
  }

  /** Own closed segments with no write in flight: droppable once no document needs them. */
  closedSegments(): string[] {
    return [...this.closed.keys()].filter((s) => !this.inFlight.has(s));
  }

  forget(segment: string): void {
    this.closed.delete(segment);
    this.docsBySegment.delete(segment);
  }

  /** Notes, before the write, which documents a group commit writes rows for. */
  noteWriting(segment: string, docs: Iterable<string>): void {
    let set = this.docsBySegment.get(segment);
    if (!set) this.docsBySegment.set(segment, (set = new Set()));
    for (const doc of docs) set.add(doc);
  }

  /**
   * Whether a segment may hold rows of `doc` that no snapshot covers: always for another
   * process's segment; for an own one, only if this process wrote rows of it there since its
   * last unload. Loading skips the others — a cold open reads the journal rows of its own
   * document, not every segment every busy document is writing to (FerretDB v1 scans whole
   * collections).
   */
  mayHold(segment: string, doc: string): boolean {
    if (!this.owns(segment)) return true;
    return this.docsBySegment.get(segment)?.has(doc) ?? false;
  }

  /** A document was compacted and unloaded: the rows it had in own segments are all covered. */
  forgetDoc(doc: string): void {
    for (const set of this.docsBySegment.values()) set.delete(doc);
  }

  /** Whether a segment was written by this process (others' are recovered, not dropped). */
  owns(segment: string): boolean {
    return segment === this.currentName || segment === this.nextName || this.closed.has(segment);
  }
}

export function segmentName(openedAt: number): string {
  return `${PREFIX}${openedAt.toString(36).padStart(9, '0')}_${randomBytes(3).toString('hex')}`;
}

/** When a segment was opened, from its name; null for other collections. */
export function segmentOpenedAt(collection: string): number | null {
  if (!collection.startsWith(PREFIX)) return null;
  const stamp = collection.slice(PREFIX.length).split('_')[0] ?? '';
  const t = parseInt(stamp, 36);
  return Number.isFinite(t) ? t : null;
}

/** Every collection name in the database. */
export async function listCollectionNames(): Promise<string[]> {
  const db = mongoose.connection.db;
  if (!db) throw new Error('database not connected');
  return (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);
}

/** Every journal segment among `names` (default: the database's), oldest first. */
export async function listSegments(names?: string[]): Promise<string[]> {
  return (names ?? (await listCollectionNames())).filter((n) => segmentOpenedAt(n) !== null).sort();
}

/** Creates a collection unless it exists (so that a later insert is not also a schema change). */
export async function ensureCollection(name: string): Promise<void> {
  const db = mongoose.connection.db;
  if (!db) throw new Error('database not connected');
  await db.createCollection(name).catch((err: unknown) => {
    if (!hasCodeName(err, 'NamespaceExists')) throw err;
  });
}
