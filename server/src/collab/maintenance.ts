import type { Logger } from 'pino';
import type { CollabStore } from './collabStore';
import type { DocRegistry } from './docRegistry';
import { segmentOpenedAt, type Journal } from './journal';

/** Journal rows older than this are folded into their document's snapshot. */
const COMPACT_AFTER_MS = 10_000;
const INTERVAL_MS = 1_000;
/** Snapshot writes per tick: spreads compaction instead of bursting every document at once. */
const COMPACTIONS_PER_TICK = 25;
/** A document with no checked update for this long gives its validation scratch copy back. */
const SCRATCH_IDLE_MS = 10_000;
/** A foreign segment this much older than a rotation is closed for writes: safe to fold in. */
const FOREIGN_SEGMENT_AGE_MS = 2 * 60_000;

export interface MaintenanceOptions {
  registry: DocRegistry;
  journal: Journal;
  rotateMs: number;
  store: Pick<CollabStore, 'dropSegment' | 'recoverSegment' | 'listSegments'>;
  logger: Logger;
}

/**
 * Keeps the journal short: compacts loaded documents whose journal rows are getting old,
 * drops this process's closed segments once no loaded document needs them, and folds in
 * segments other (or crashed) processes left behind.
 */
export function startMaintenance(opts: MaintenanceOptions) {
  const { registry, journal, store, logger } = opts;
  let running = false;

  async function tick(): Promise<void> {
    await registry.compactOlderThan(COMPACT_AFTER_MS, COMPACTIONS_PER_TICK);
    const loaded = await registry.loaded();
    for (const doc of loaded) doc.releaseIdleScratch(SCRATCH_IDLE_MS);
    for (const segment of journal.closedSegments()) {
      if (loaded.some((doc) => doc.needsSegment(segment))) continue;
      await store.dropSegment(segment);
      journal.forget(segment);
    }
    const now = Date.now();
    for (const segment of await store.listSegments()) {
      const openedAt = segmentOpenedAt(segment) ?? now;
      if (!journal.owns(segment) && now - openedAt > opts.rotateMs + FOREIGN_SEGMENT_AGE_MS) {
        await store.recoverSegment(segment);
      }
    }
  }

  const timer = setInterval(() => {
    if (running) return;
    running = true;
    tick()
      .catch((err: unknown) => logger.warn({ err }, 'collab: journal maintenance failed'))
      .finally(() => {
        running = false;
      });
  }, INTERVAL_MS);
  timer.unref();

  return {
    stop(): void {
      clearInterval(timer);
    },
    /** After every document is compacted and unloaded: this process's segments can go. */
    async dropOwnSegments(): Promise<void> {
      if (registry.loadedCount > 0) return;
      for (const segment of await store.listSegments()) {
        if (journal.owns(segment)) await store.dropSegment(segment);
      }
    },
  };
}
