import type { Logger } from 'pino';
import type { CollabStore, WriteTurn } from './collabStore';
import type { DocRegistry } from './docRegistry';
import { segmentOpenedAt, type Journal } from './journal';

/** Journal rows older than this are folded: a checkpoint row, or the document's snapshot. */
const FOLD_AFTER_MS = 10_000;
const INTERVAL_MS = 1_000;
/**
 * Folding has its own, shorter tick, and a few folds per tick: checkpoints (each encodes a
 * document's state on the main thread, ~0.1–1 ms, and adds it to the next group commit) and
 * snapshot writes (each takes turns with the group commits) are spread evenly (≤ 100 and ≤ 30
 * a second) instead of bursting when many documents became due at once.
 */
const FOLD_INTERVAL_MS = 100;
const FOLDS_PER_TICK = { checkpoints: 10, compactions: 3 };
/** A document changed this recently is being edited: it is checkpointed, not compacted. */
const BUSY_MS = 10_000;
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
  /**
   * Runs a segment drop when it is its turn (the write lane): dropping a table holds the
   * database's single writer, and a group commit meeting it would sleep in SQLite's busy handler.
   */
  turn?: WriteTurn;
}

/**
 * Keeps the journal short: folds loaded documents whose journal rows are getting old,
 * drops this process's closed segments once no loaded document needs them, and folds in
 * segments other (or crashed) processes left behind.
 */
export function startMaintenance(opts: MaintenanceOptions) {
  const { registry, journal, store, logger } = opts;
  const turn: WriteTurn = opts.turn ?? ((write) => write());
  let running = false;
  let folding = false;

  async function tick(): Promise<void> {
    const loaded = await registry.loaded();
    for (const doc of loaded) doc.releaseIdleScratch(SCRATCH_IDLE_MS);
    for (const segment of journal.closedSegments()) {
      if (loaded.some((doc) => doc.needsSegment(segment))) continue;
      await turn(() => store.dropSegment(segment));
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
  const foldTimer = setInterval(() => {
    if (folding) return;
    folding = true;
    registry
      .foldOlderThan(FOLD_AFTER_MS, { ...FOLDS_PER_TICK, busyMs: BUSY_MS })
      .catch((err: unknown) => logger.warn({ err }, 'collab: folding the journal failed'))
      .finally(() => {
        folding = false;
      });
  }, FOLD_INTERVAL_MS);
  foldTimer.unref();

  return {
    stop(): void {
      clearInterval(timer);
      clearInterval(foldTimer);
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
