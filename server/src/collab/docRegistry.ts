import type { Logger } from 'pino';
import type { CollabStore } from './collabStore';
import { LiveDoc, type LiveDocHooks } from './liveDoc';

interface Entry {
  ready: Promise<LiveDoc>;
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

  async acquire(name: string): Promise<LiveDoc> {
    let entry = this.entries.get(name);
    while (entry?.unloading) {
      await entry.unloading;
      entry = this.entries.get(name);
    }
    if (!entry) {
      const created: Entry = { ready: this.load(name), refs: 0, timer: null, unloading: null };
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

  release(name: string): void {
    const entry = this.entries.get(name);
    if (!entry) return;
    entry.refs--;
    if (entry.refs === 0) this.scheduleUnload(name, entry, this.opts.unloadDelayMs);
  }

  /** Every loaded document (for shutdown and access re-checks). */
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

  private async load(name: string): Promise<LiveDoc> {
    const stored = await this.opts.store.load(name);
    return new LiveDoc(name, stored, this.opts.hooks);
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
      } catch (err) {
        this.opts.logger.warn({ err, doc: name }, 'collab: unload postponed');
        entry.unloading = null;
        if (entry.refs === 0) this.scheduleUnload(name, entry, Math.max(this.opts.unloadDelayMs, 1000));
        return;
      }
      doc.destroy();
      this.entries.delete(name);
    })();
    return entry.unloading;
  }
}
