import { Types } from 'mongoose';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as encoding from 'lib0/encoding';
import { MessageType, SyncMessageType, encodeSavedMessage } from '@hearth/shared/realtime';
import type { CollabStore, StoredState } from './collabStore';
import type { PendingUpdate, WriteQueue, WriteTarget } from './writeQueue';
import type { UpdateVerdict, UpdateView } from './hooks';
import { ScratchCopy } from './validation/scratchCopy';
import { recordStage, stageTimesOn } from './stageTimes';
import { collabTuning } from './tuning';
import { reachedClocks } from './updateClocks';
import { keepTransactionsYoung } from './youngTransactions';

/** A party that receives a document's broadcasts: a local connection. */
export interface DocPeer {
  send(message: Uint8Array): void;
}

export interface LiveDocHooks {
  queue: WriteQueue;
  store: Pick<CollabStore, 'compact'>;
  /** Called after updates were stored (metrics, compaction trigger). */
  onStored?: (doc: LiveDoc, entries: PendingUpdate[]) => void;
  /** Called for every change accepted locally, e.g. to fan it out to other nodes. */
  onLocalUpdate?: (doc: LiveDoc, update: Uint8Array) => void;
  onLocalAwareness?: (doc: LiveDoc, update: Uint8Array) => void;
}

/** A bound on what one connection can make the server remember (its state vector is untrusted). */
const MAX_AWAITED_CLIENTS = 1024;

/** A checkpoint larger than this is written as a snapshot instead (a journal row stays small). */
const MAX_CHECKPOINT_BYTES = 1024 * 1024;

/** Transaction origin for updates that another node already stores. */
export const REMOTE_ORIGIN = Symbol('remote');

/**
 * One loaded document: its Y.Doc and awareness, the connections on it, the unstored updates
 * (in apply order) and what the database durably holds (`storedClocks`, row ids).
 */
export class LiveDoc implements WriteTarget {
  readonly ydoc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.ydoc);
  readonly peers = new Set<DocPeer>();
  readonly pending: PendingUpdate[] = [];
  /** Everything accepted (stored or not), approximated by stored and pending update sizes. */
  approxBytes: number;
  private storedClocks: Map<number, number>;
  private snapshotIds: Types.ObjectId[];
  /** Journal segment → rows of this document there that no snapshot covers yet. */
  private readonly segments: Map<string, number>;
  private logRows: number;
  private seq: number;
  private compacting: Promise<void> | null = null;
  /** A checkpoint row is waiting in `pending` for its group commit. */
  private checkpointing = false;
  /** When a change was last accepted here (performance.now()), stored or not. */
  private lastChangeAt = 0;
  /** When the oldest journal row not yet folded into a snapshot was stored (ms epoch). */
  oldestLogAt: number | null;
  private evicted = false;
  /** Per peer: clocks it holds or sent that are not stored yet; it is told once they are. */
  private readonly awaiting = new Map<DocPeer, Map<number, number>>();
  /** Where validators try updates first; kept in step with every change of `ydoc`. */
  private readonly scratch = new ScratchCopy(this.ydoc);
  private scratchFollows = true;
  /** When a validator last needed the scratch copy (performance.now()); typing checked on the fast path does not count. */
  private scratchUsedAt = 0;

  constructor(
    readonly name: string,
    stored: StoredState,
    private readonly hooks: LiveDocHooks,
  ) {
    this.awareness.setLocalState(null);
    // One transaction for the whole stored state: observers and the update encoding run once,
    // not once per journal row (docs/performance.md, "Cold open").
    this.ydoc.transact(() => {
      for (const update of stored.updates) Y.applyUpdate(this.ydoc, update);
    });
    this.storedClocks = Y.decodeStateVector(Y.encodeStateVector(this.ydoc));
    this.snapshotIds = stored.snapshotIds;
    this.segments = stored.segments;
    this.logRows = [...stored.segments.values()].reduce((n, c) => n + c, 0);
    this.seq = stored.maxSeq;
    this.approxBytes = stored.bytes;
    this.oldestLogAt = this.logRows > 0 || stored.snapshotIds.length > 1 ? Date.now() : null;
    this.ydoc.on('update', this.handleUpdate);
    this.awareness.on('update', this.handleAwareness);
  }

  /** State vector of what the database durably holds. */
  storedStateVector(): Uint8Array {
    // Y.encodeStateVector's encoding without its sort (built after every group commit).
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, this.storedClocks.size);
    for (const [client, clock] of this.storedClocks) {
      encoding.writeVarUint(encoder, client);
      encoding.writeVarUint(encoder, clock);
    }
    return encoding.toUint8Array(encoder);
  }

  /** Journal rows since the last snapshot. */
  get logLength(): number {
    return this.logRows;
  }

  /** Whether this document still needs rows of a journal segment (no snapshot covers them). */
  needsSegment(segment: string): boolean {
    return this.segments.has(segment);
  }

  get busy(): boolean {
    return this.pending.length > 0 || this.compacting !== null;
  }

  /**
   * Remembers that `peer` holds `clocks` (its sync step 1, or an update it sent): once the
   * database holds them it receives a *saved* message, even when another connection's copy
   * of the same edits was the one stored (a crash that lost relayed edits, a reconnect while
   * edits wait for the database).
   */
  awaitStored(peer: DocPeer, clocks: Map<number, number>): void {
    let wanted = this.awaiting.get(peer);
    for (const [client, clock] of clocks) {
      if ((this.storedClocks.get(client) ?? 0) >= clock) continue;
      wanted ??= new Map();
      if (wanted.size >= MAX_AWAITED_CLIENTS) break;
      if ((wanted.get(client) ?? 0) < clock) wanted.set(client, clock);
    }
    if (wanted && wanted.size > 0) this.awaiting.set(peer, wanted);
  }

  removePeer(peer: DocPeer): void {
    this.peers.delete(peer);
    this.awaiting.delete(peer);
  }

  /**
   * Applies a connection's update unless `check` refuses it. A check that looks at the update
   * (`view`) has it tried on the scratch copy first; a refused update touches nothing else.
   * Throws if the update is not valid Yjs.
   */
  applyChecked(update: Uint8Array, origin: DocPeer, check?: (view: () => UpdateView) => UpdateVerdict): UpdateVerdict {
    let tried: UpdateView | null = null;
    const timed = stageTimesOn();
    if (check) {
      const checkStarted = timed ? performance.now() : 0;
      const verdict = check(() => {
        if (tried) return tried;
        this.scratchUsedAt = performance.now();
        return (tried = { before: this.ydoc, ...this.scratch.apply(update) });
      });
      if (timed) recordStage('validate', performance.now() - checkStarted);
      if (!verdict.ok) {
        if (tried) this.scratch.reset();
        return verdict;
      }
    }
    this.scratchFollows = tried === null;
    const applyStarted = timed ? performance.now() : 0;
    keepTransactionsYoung(this.ydoc);
    try {
      Y.applyUpdate(this.ydoc, update, origin);
      if (timed) recordStage('apply', performance.now() - applyStarted);
    } catch (err) {
      this.scratch.reset();
      throw err;
    } finally {
      this.scratchFollows = true;
    }
    return { ok: true };
  }

  applyRemote(update: Uint8Array): void {
    keepTransactionsYoung(this.ydoc);
    Y.applyUpdate(this.ydoc, update, REMOTE_ORIGIN);
  }

  onStored(entries: PendingUpdate[]): void {
    for (const entry of entries) {
      if (entry.checkpoint) this.checkpointStored(entry, entry.checkpoint);
      else this.advanceStoredClocks(entry.reaches ?? Y.parseUpdateMeta(entry.data).to);
      if (entry.segment) this.segments.set(entry.segment, (this.segments.get(entry.segment) ?? 0) + 1);
      this.logRows++;
    }
    this.oldestLogAt ??= Date.now();
    // The senders (a delete-only edit advances no clock) and everyone whose awaited clocks are now covered.
    const recipients = new Set(entries.map((e) => e.origin).filter((o): o is DocPeer => this.isPeer(o)));
    for (const [peer, wanted] of this.awaiting) {
      for (const [client, clock] of wanted) {
        if ((this.storedClocks.get(client) ?? 0) < clock) continue;
        wanted.delete(client);
        recipients.add(peer);
      }
      if (wanted.size === 0) this.awaiting.delete(peer);
    }
    if (recipients.size > 0) {
      const message = encodeSavedMessage(this.storedStateVector());
      for (const peer of recipients) peer.send(message);
    }
    this.hooks.onStored?.(this, entries);
  }

  private advanceStoredClocks(clocks: Map<number, number>): void {
    for (const [client, clock] of clocks) {
      if ((this.storedClocks.get(client) ?? 0) < clock) this.storedClocks.set(client, clock);
    }
  }

  /**
   * A checkpoint row is stored: it holds everything applied before it was queued, and every
   * row stored before it (the queue is FIFO per document) was applied before that. So it
   * replaces all of them, and only its own segment (and what follows) is still needed.
   */
  private checkpointStored(entry: PendingUpdate, checkpoint: NonNullable<PendingUpdate['checkpoint']>): void {
    this.advanceStoredClocks(checkpoint.clocks);
    this.segments.clear();
    this.logRows = 0;
    this.oldestLogAt = null;
    this.approxBytes = entry.data.length + (this.approxBytes - checkpoint.bytesAtEncode);
    this.checkpointing = false;
  }

  /** Whether folding can be a checkpoint row (else a snapshot: a large document's state stays out of the journal). */
  get checkpointable(): boolean {
    return collabTuning.checkpoints && this.approxBytes <= MAX_CHECKPOINT_BYTES;
  }

  /** Whether a change was accepted here in the last `ms` (the document is being edited). */
  changedWithin(ms: number): boolean {
    return this.lastChangeAt > 0 && performance.now() - this.lastChangeAt < ms;
  }

  /**
   * Folds the document into one journal row that rides along with the next group commit: the
   * rows before it (and the segments holding only those) are no longer needed, at no write of
   * its own. For documents being edited; an idle one is compacted into its snapshot collection
   * (`compact`), which takes it out of the journal altogether. Returns false when it did
   * nothing (nothing to fold, a fold already under way, or a state too large for one row).
   */
  checkpoint(): boolean {
    if (!this.checkpointable || this.evicted || this.compacting || this.checkpointing || this.logRows === 0) return false;
    const encodeStarted = performance.now();
    const state = Y.encodeStateAsUpdate(this.ydoc);
    recordStage('checkpoint_encode', performance.now() - encodeStarted);
    if (state.length > MAX_CHECKPOINT_BYTES) return false;
    this.checkpointing = true;
    this.queueRow({
      id: new Types.ObjectId(),
      seq: ++this.seq,
      data: state,
      origin: null,
      receivedAt: performance.now(),
      stored: false,
      checkpoint: { clocks: Y.decodeStateVector(Y.encodeStateVector(this.ydoc)), bytesAtEncode: this.approxBytes },
    });
    return true;
  }

  /** Folds everything in memory into one snapshot, then drops the rows it replaces. */
  compact(): Promise<void> {
    if (this.evicted) return Promise.resolve();
    if (this.compacting) return this.compacting;
    // A queued checkpoint resets the row accounting when stored; the caller comes back later
    // (an unload waits for every pending row first).
    if (this.checkpointing) return Promise.resolve();
    if (this.logRows === 0 && this.snapshotIds.length <= 1) return Promise.resolve();
    const coveredSnapshots = [...this.snapshotIds];
    const coveredSegments = new Map(this.segments);
    const coveredRows = this.logRows;
    const encodeStarted = performance.now();
    const state = Y.encodeStateAsUpdate(this.ydoc);
    const writeStarted = performance.now();
    recordStage('compact_encode', writeStarted - encodeStarted);
    const bytesAtEncode = this.approxBytes;
    const covers = { snapshotIds: coveredSnapshots, maxSeq: this.seq, rows: coveredRows };
    this.compacting = this.hooks.store
      .compact(this.name, state, covers, (write) => this.hooks.queue.exclusive(write))
      .then((snapshotId) => {
        recordStage('compact_write', performance.now() - writeStarted);
        this.snapshotIds = [snapshotId, ...this.snapshotIds.slice(coveredSnapshots.length)];
        // A segment that gained rows after the state was encoded is still needed.
        for (const [segment, rows] of coveredSegments) if (this.segments.get(segment) === rows) this.segments.delete(segment);
        this.logRows -= coveredRows;
        this.oldestLogAt = this.logRows > 0 ? Date.now() : null;
        this.approxBytes = state.length + (this.approxBytes - bytesAtEncode);
      })
      .finally(() => {
        this.compacting = null;
      });
    return this.compacting;
  }

  /**
   * Drops the validators' scratch copy when no check needed it for `idleMs` (idle, or only
   * typing, which is checked without it): a second Y.Doc per document, plus the typing it has
   * not replayed yet, is most of an idle connection's memory and half a busy document's
   * (docs/performance.md, "Idle connections", "Soak"); the next check that needs it rebuilds it
   * from the live document.
   */
  releaseIdleScratch(idleMs: number): void {
    if (this.scratch.active && performance.now() - this.scratchUsedAt >= idleMs) this.scratch.reset();
  }

  /** Forgets unstored updates and stops all writing: the document is being erased. */
  async evict(): Promise<void> {
    this.evicted = true;
    this.pending.splice(0);
    this.checkpointing = false;
    await this.compacting?.catch(() => undefined);
  }

  /** Queues a row for the next group commit. */
  private queueRow(entry: PendingUpdate): void {
    this.pending.push(entry);
    this.hooks.queue.enqueue(this);
  }

  /** Whether a transaction origin is one of this document's connections. */
  private isPeer(origin: unknown): origin is DocPeer {
    const peers: ReadonlySet<unknown> = this.peers;
    return peers.has(origin);
  }

  broadcast(message: Uint8Array, except?: DocPeer): void {
    for (const peer of this.peers) if (peer !== except) peer.send(message);
  }

  destroy(): void {
    this.ydoc.off('update', this.handleUpdate);
    this.awareness.off('update', this.handleAwareness);
    this.awareness.destroy();
    this.scratch.reset();
    this.ydoc.destroy();
  }

  private readonly handleUpdate = (update: Uint8Array, origin: unknown, _doc: Y.Doc, tr: Y.Transaction): void => {
    if (this.scratchFollows && this.scratch.active) this.scratch.follow(update);
    if (this.evicted) return;
    this.approxBytes += update.length;
    this.lastChangeAt = performance.now();
    if (origin !== REMOTE_ORIGIN) {
      this.queueRow({
        id: new Types.ObjectId(),
        seq: ++this.seq,
        data: update,
        origin: typeof origin === 'object' ? origin : null,
        receivedAt: performance.now(),
        stored: false,
        reaches: reachedClocks(tr),
      });
      this.hooks.onLocalUpdate?.(this, update);
    }
    const broadcastStarted = stageTimesOn() ? performance.now() : 0;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    encoding.writeVarUint(encoder, SyncMessageType.update);
    encoding.writeVarUint8Array(encoder, update);
    this.broadcast(encoding.toUint8Array(encoder), this.isPeer(origin) ? origin : undefined);
    if (broadcastStarted) recordStage('broadcast', performance.now() - broadcastStarted);
  };

  private readonly handleAwareness = (changes: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void => {
    const changed = [...changes.added, ...changes.updated, ...changes.removed];
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
    if (origin !== REMOTE_ORIGIN) this.hooks.onLocalAwareness?.(this, update);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.awareness);
    encoding.writeVarUint8Array(encoder, update);
    this.broadcast(encoding.toUint8Array(encoder));
  };
}
