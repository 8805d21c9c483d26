import { Types } from 'mongoose';
import * as Y from 'yjs';
import { fromLastCheckpoint, type AppendRow, type CollabStore, type StoredState } from './collabStore';

interface Snapshot {
  id: Types.ObjectId;
  data: Uint8Array;
  coversSeq: number;
  at: Date;
}

/**
 * The collab persistence contract in memory, for unit tests of the collab server (the same
 * load / append / compact code paths, no database). Not durable, by design.
 */
export function createMemoryCollabStore(): CollabStore & { rows(): number } {
  const segments = new Map<string, Map<string, { doc: string; seq: number; data: Uint8Array; at: Date; cp?: true }>>();
  const snapshots = new Map<string, Snapshot[]>();

  const store: CollabStore & { rows(): number } = {
    async load(doc, skip) {
      const state: StoredState = { updates: [], snapshotIds: [], segments: new Map(), maxSeq: 0, bytes: 0 };
      for (const snap of snapshots.get(doc) ?? []) {
        state.updates.push(snap.data);
        state.snapshotIds.push(snap.id);
        state.maxSeq = Math.max(state.maxSeq, snap.coversSeq);
        state.bytes += snap.data.length;
      }
      const rows = [...segments]
        .filter(([name]) => !skip?.(name))
        .flatMap(([name, seg]) => fromLastCheckpoint([...seg.values()].filter((r) => r.doc === doc)).map((r) => ({ name, ...r })));
      rows.sort((a, b) => a.seq - b.seq);
      for (const row of rows) {
        state.updates.push(row.data);
        state.segments.set(row.name, (state.segments.get(row.name) ?? 0) + 1);
        state.maxSeq = Math.max(state.maxSeq, row.seq);
        state.bytes += row.data.length;
      }
      return state;
    },
    async loadMany(docs) {
      return new Map(await Promise.all(docs.map(async (doc) => [doc, await store.load(doc)] as const)));
    },
    async append(segment, rows: AppendRow[]) {
      const seg = segments.get(segment) ?? new Map();
      segments.set(segment, seg);
      // Keyed by row id: a retried batch stores nothing twice.
      for (const r of rows) {
        seg.set(r.id.toHexString(), {
          doc: r.doc,
          seq: r.seq,
          data: r.data,
          at: new Date(),
          ...(r.checkpoint ? { cp: true as const } : {}),
        });
      }
    },
    async compact(doc, state, covers) {
      const id = new Types.ObjectId();
      const kept = (snapshots.get(doc) ?? []).filter((s) => !covers.snapshotIds.some((c) => c.equals(s.id)));
      snapshots.set(doc, [{ id, data: state, coversSeq: covers.maxSeq, at: new Date() }, ...kept]);
      return id;
    },
    async listSegments() {
      return [...segments.keys()].sort();
    },
    async dropSegment(segment) {
      segments.delete(segment);
    },
    async recoverSegment(segment) {
      const docs = new Set([...(segments.get(segment)?.values() ?? [])].map((r) => r.doc));
      for (const doc of docs) {
        const state = await store.load(doc);
        const ydoc = new Y.Doc();
        for (const u of state.updates) Y.applyUpdate(ydoc, u);
        await store.compact(doc, Y.encodeStateAsUpdate(ydoc), { snapshotIds: state.snapshotIds, maxSeq: state.maxSeq, rows: 0 });
        ydoc.destroy();
      }
      segments.delete(segment);
    },
    async lastStoredAt(doc) {
      const times = [
        ...(snapshots.get(doc) ?? []).map((s) => s.at.getTime()),
        ...[...segments.values()].flatMap((seg) => [...seg.values()].filter((r) => r.doc === doc).map((r) => r.at.getTime())),
      ];
      return times.length > 0 ? new Date(Math.max(...times)) : null;
    },
    async storedDocNames() {
      return [...new Set([...snapshots.keys(), ...[...segments.values()].flatMap((seg) => [...seg.values()].map((r) => r.doc))])];
    },
    async erase(doc) {
      snapshots.delete(doc);
      for (const seg of segments.values()) for (const [id, r] of seg) if (r.doc === doc) seg.delete(id);
    },
    collectionsOf: () => [],
    rows: () => [...segments.values()].reduce((n, seg) => n + seg.size, 0),
  };
  return store;
}
