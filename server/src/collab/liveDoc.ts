import { Types } from 'mongoose';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as encoding from 'lib0/encoding';
import { MessageType, SyncMessageType, encodeSavedMessage } from '@hearth/shared/realtime';
import type { CollabStore, StoredState } from './collabStore';
import type { PendingUpdate, WriteQueue, WriteTarget } from './writeQueue';

/** A party that receives a document's broadcasts: a local connection (or a fan-out link). */
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
  private updateIds: Types.ObjectId[];
  private seq: number;
  private compacting: Promise<void> | null = null;

  constructor(
    readonly name: string,
    stored: StoredState,
    private readonly hooks: LiveDocHooks,
  ) {
    this.awareness.setLocalState(null);
    for (const update of stored.updates) Y.applyUpdate(this.ydoc, update);
    this.storedClocks = Y.decodeStateVector(Y.encodeStateVector(this.ydoc));
    this.snapshotIds = stored.snapshotIds;
    this.updateIds = stored.updateIds;
    this.seq = stored.maxSeq;
    this.approxBytes = stored.bytes;
    this.ydoc.on('update', this.handleUpdate);
    this.awareness.on('update', this.handleAwareness);
  }

  /** State vector of what the database durably holds. */
  storedStateVector(): Uint8Array {
    return Y.encodeStateVector(this.storedClocks);
  }

  /** Rows in the log since the last snapshot. */
  get logLength(): number {
    return this.updateIds.length;
  }

  get busy(): boolean {
    return this.pending.length > 0 || this.compacting !== null;
  }

  applyRemote(update: Uint8Array): void {
    Y.applyUpdate(this.ydoc, update, REMOTE_ORIGIN);
  }

  onStored(entries: PendingUpdate[]): void {
    for (const entry of entries) {
      const { to } = Y.parseUpdateMeta(entry.data);
      for (const [client, clock] of to) {
        if ((this.storedClocks.get(client) ?? 0) < clock) this.storedClocks.set(client, clock);
      }
      this.updateIds.push(entry.id);
    }
    const origins = new Set(entries.map((e) => e.origin).filter((o): o is DocPeer => o !== null && this.peers.has(o as DocPeer)));
    if (origins.size > 0) {
      const message = encodeSavedMessage(this.storedStateVector());
      for (const peer of origins) peer.send(message);
    }
    this.hooks.onStored?.(this, entries);
  }

  /** Folds everything in memory into one snapshot, then drops the rows it replaces. */
  compact(): Promise<void> {
    if (this.compacting) return this.compacting;
    if (this.updateIds.length === 0 && this.snapshotIds.length <= 1) return Promise.resolve();
    const coveredSnapshots = [...this.snapshotIds];
    const coveredUpdates = [...this.updateIds];
    const state = Y.encodeStateAsUpdate(this.ydoc);
    const bytesAtEncode = this.approxBytes;
    this.compacting = this.hooks.store
      .compact(this.name, state, { snapshotIds: coveredSnapshots, updateIds: coveredUpdates, maxSeq: this.seq })
      .then((snapshotId) => {
        this.snapshotIds = [snapshotId, ...this.snapshotIds.slice(coveredSnapshots.length)];
        this.updateIds = this.updateIds.slice(coveredUpdates.length);
        this.approxBytes = state.length + (this.approxBytes - bytesAtEncode);
      })
      .finally(() => {
        this.compacting = null;
      });
    return this.compacting;
  }

  broadcast(message: Uint8Array, except?: DocPeer): void {
    for (const peer of this.peers) if (peer !== except) peer.send(message);
  }

  destroy(): void {
    this.ydoc.off('update', this.handleUpdate);
    this.awareness.off('update', this.handleAwareness);
    this.awareness.destroy();
    this.ydoc.destroy();
  }

  private readonly handleUpdate = (update: Uint8Array, origin: unknown): void => {
    this.approxBytes += update.length;
    if (origin !== REMOTE_ORIGIN) {
      this.pending.push({
        id: new Types.ObjectId(),
        seq: ++this.seq,
        data: update,
        origin: typeof origin === 'object' ? origin : null,
        receivedAt: performance.now(),
        stored: false,
      });
      this.hooks.queue.enqueue(this);
      this.hooks.onLocalUpdate?.(this, update);
    }
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    encoding.writeVarUint(encoder, SyncMessageType.update);
    encoding.writeVarUint8Array(encoder, update);
    this.broadcast(encoding.toUint8Array(encoder), origin as DocPeer);
  };

  private readonly handleAwareness = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...changes.added, ...changes.updated, ...changes.removed];
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
    if (origin !== REMOTE_ORIGIN) this.hooks.onLocalAwareness?.(this, update);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.awareness);
    encoding.writeVarUint8Array(encoder, update);
    this.broadcast(encoding.toUint8Array(encoder));
  };
}
