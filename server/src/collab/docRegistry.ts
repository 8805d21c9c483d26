import type { Logger } from 'pino';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { CollabStore } from './collabStore';
import { LiveDoc, REMOTE_ORIGIN, type LiveDocHooks } from './liveDoc';
import { FanoutKind, type RedisFanout } from './redisFanout';

/**
 * A document loaded with this many journal rows outside its snapshot is compacted at once, so
 * the next cold open reads one snapshot instead of the rows again (a crash or failing
 * compactions left them; docs/performance.md, "Cold open").
 */
const COMPACT_ON_LOAD_ROWS = 200;

interface Entry {
  ready: Promise<LiveDoc>;
  doc: LiveDoc | null;
  refs: number;
  timer: NodeJS.Timeout | null;
  unloading: Promise<void> | null;
}

export interface DocRegistryOptions {
  store: Pick<CollabStore, 'load'>;
  hooks: LiveDocHooks;
  logger: Logger;
  /** How long a document with no connections stays in memory. */
  unloadDelayMs: number;
  /** Cross-node fan-out (REDIS_URL); subscribed before loading so nothing is missed. */
  fanout?: RedisFanout;
  /** Compact a document loaded with at least this many journal rows (default 200). */
  compactOnLoadRows?: number;
  /** Journal segments a load of `doc` can leave out (`Journal.mayHold`). */
  skipSegment?: (segment: string, doc: string) => boolean;
  /** A document was compacted and left memory. */
  onUnloaded?: (doc: string) => void;
}

/**
 * Loads each document once, counts its connections and unloads it shortly after the last one
 * leaves: once its updates are stored and it is compacted. A connection arriving during an
 * unload waits for it and then loads the compacted state afresh.
 */
export class DocRegistry {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly opts: DocRegistryOptions) {}

  get loadedCount(): number {
    return this.entries.size;
  }

  /** The document if it is loaded now (no loading, no reference taken). */
  peek(name: string): LiveDoc | undefined {
    const entry = this.entries.get(name);
    return entry?.unloading ? undefined : (entry?.doc ?? undefined);
  }

  async acquire(name: string): Promise<LiveDoc> {
    let entry = this.entries.get(name);
    while (entry?.unloading) {
      await entry.unloading;
      entry = this.entries.get(name);
    }
    if (!entry) {
      const created: Entry = { ready: this.load(name), doc: null, refs: 0, timer: null, unloading: null };
      created.ready.then((doc) => (created.doc = doc)).catch(() => undefined);
      this.entries.set(name, created);
      entry = created;
    }
    entry.refs++;
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = null;
    try {
      return await entry.ready;
    } catch (err) {
      entry.refs--;
      if (entry.refs === 0 && this.entries.get(name) === entry) this.entries.delete(name);
      throw err;
    }
  }

  /** Gives back a reference taken by `acquire` (ignored if that document was evicted). */
  release(name: string, doc: LiveDoc): void {
    const entry = this.entries.get(name);
    if (!entry || entry.doc !== doc) return;
    entry.refs--;
    if (entry.refs === 0) this.scheduleUnload(name, entry, this.opts.unloadDelayMs);
  }

  /**
   * Folds documents whose journal rows wait longer than `ageMs`, oldest first: one edited in
   * the last `limits.busyMs` gets a checkpoint row in the next group commit (no write of its own, at most
   * `limits.checkpoints`); an idle one is compacted into its snapshot collection, which takes
   * it out of the journal (at most `limits.compactions`, one after another, so that snapshot
   * writes do not crowd out live updates).
   */
  async foldOlderThan(ageMs: number, limits: { checkpoints: number; compactions: number; busyMs: number }): Promise<void> {
    const now = Date.now();
    // Read synchronously on every tick (10 a second): a document still loading is folded on a later tick.
    const due: LiveDoc[] = [];
    for (const entry of this.entries.values()) {
      const doc = entry.doc;
      if (doc && doc.oldestLogAt !== null && now - doc.oldestLogAt >= ageMs) due.push(doc);
    }
    due.sort((a, b) => a.oldestLogAt! - b.oldestLogAt!);
    let checkpoints = 0;
    const idle: LiveDoc[] = [];
    for (const doc of due) {
      if (!doc.checkpointable || !doc.changedWithin(limits.busyMs)) idle.push(doc);
      else if (checkpoints < limits.checkpoints && doc.checkpoint()) checkpoints++;
    }
    for (const doc of idle.slice(0, limits.compactions)) {
      await doc.compact().catch((err: unknown) => this.opts.logger.warn({ err, doc: doc.name }, 'collab: compaction failed'));
    }
  }

  /** Every loaded document (for timed compaction and dropping covered journal segments). */
  async loaded(): Promise<LiveDoc[]> {
    const docs = await Promise.allSettled([...this.entries.values()].map((e) => e.ready));
    return docs.flatMap((d) => (d.status === 'fulfilled' ? [d.value] : []));
  }

  /** Compacts and drops every document; used on shutdown after the write queue drained. */
  async unloadAll(): Promise<void> {
    await Promise.all(
      [...this.entries.entries()].map(async ([name, entry]) => {
        if (entry.timer) clearTimeout(entry.timer);
        entry.refs = 0;
        await (entry.unloading ?? this.unload(name, entry));
      }),
    );
  }

  /** Drops matching documents from memory without storing or compacting them (erasure). */
  async evict(match: (name: string) => boolean): Promise<void> {
    const victims = [...this.entries].filter(([name]) => match(name));
    await Promise.all(
      victims.map(async ([name, entry]) => {
        if (entry.timer) clearTimeout(entry.timer);
        if (this.entries.get(name) === entry) this.entries.delete(name);
        const doc = await entry.ready.catch(() => null);
        if (!doc) return;
        await doc.evict();
        doc.destroy();
        await this.opts.fanout?.unsubscribe(name);
      }),
    );
  }

  private async load(name: string): Promise<LiveDoc> {
    const { fanout } = this.opts;
    let doc: LiveDoc | null = null;
    const early: [FanoutKind, Uint8Array][] = [];
    const apply = (target: LiveDoc, kind: FanoutKind, payload: Uint8Array) => {
      try {
        if (kind === FanoutKind.update) target.applyRemote(payload);
        else awarenessProtocol.applyAwarenessUpdate(target.awareness, payload, REMOTE_ORIGIN);
      } catch (err) {
        this.opts.logger.warn({ err, doc: name }, 'collab: could not apply a fan-out message');
      }
    };
    await fanout?.subscribe(name, (kind, payload) => (doc ? apply(doc, kind, payload) : early.push([kind, payload])));
    try {
      const skip = this.opts.skipSegment;
      doc = new LiveDoc(name, await this.opts.store.load(name, skip && ((segment) => skip(segment, name))), this.opts.hooks);
    } catch (err) {
      await fanout?.unsubscribe(name);
      throw err;
    }
    for (const [kind, payload] of early) apply(doc, kind, payload);
    if (doc.logLength >= (this.opts.compactOnLoadRows ?? COMPACT_ON_LOAD_ROWS)) {
      const loaded = doc;
      // After the waiting connections got their first sync messages: encoding the snapshot is not free.
      setImmediate(() => {
        loaded.compact().catch((err: unknown) => this.opts.logger.warn({ err, doc: name }, 'collab: compaction after load failed'));
      });
    }
    return doc;
  }

  private scheduleUnload(name: string, entry: Entry, delay: number): void {
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = setTimeout(() => {
      entry.timer = null;
      if (entry.refs === 0 && !entry.unloading) void this.unload(name, entry);
    }, delay);
  }

  private unload(name: string, entry: Entry): Promise<void> {
    entry.unloading = (async () => {
      let doc: LiveDoc;
      try {
        doc = await entry.ready;
      } catch {
        this.entries.delete(name);
        return;
      }
      try {
        // Unstored updates (database down) keep the document in memory until written.
        if (doc.pending.length > 0) throw new Error('updates not yet stored');
        await doc.compact();
        // A compaction already under way covers only the rows stored before it encoded the
        // state: rows stored since then would be in no snapshot once this process stops
        // looking for them in its own segments (`onUnloaded`). Try again later.
        if (doc.pending.length > 0 || doc.logLength > 0) throw new Error('journal rows not yet in a snapshot');
      } catch (err) {
        this.opts.logger.warn({ err, doc: name }, 'collab: unload postponed');
        entry.unloading = null;
        if (entry.refs === 0) this.scheduleUnload(name, entry, Math.max(this.opts.unloadDelayMs, 1000));
        return;
      }
      doc.destroy();
      this.entries.delete(name);
      this.opts.onUnloaded?.(name);
      await this.opts.fanout?.unsubscribe(name);
    })();
    return entry.unloading;
  }
}
