import mongoose from 'mongoose';
import type { Logger } from '../platform/logger';
import { hasCodeName } from '../platform/db/driverValues';

/**
 * Makes erased bytes unreadable in the database files, not just unreachable by queries.
 *
 * Embedded FerretDB (SQLite, WAL mode, `secure_delete`): a delete zeroes the row in the new
 * page version, but until a checkpoint the old page stays in the main file and the old frames
 * stay in the `-wal` file. FerretDB exposes no checkpoint command, so we write and delete a
 * padding document larger than SQLite's auto-checkpoint threshold (1000 pages = 4 MiB): its
 * commit checkpoints the WAL (the zeroed pages replace the old ones in the main file), and the
 * delete that follows restarts the WAL from its start and overwrites its first ~6 MB with the
 * zeroed padding pages; `journal_size_limit(4194304)` (see ferretdbProcess.ts) truncates the
 * file behind them, so no stale frame survives beyond that either.
 *
 * MongoDB: `compact` on the touched collections returns freed space to the storage engine
 * (best effort; it needs the `compact` privilege).
 */
const PADDING_BYTES = 4.5 * 1024 * 1024;
const SCRUB_COLLECTION = 'erasure_scrub';

export async function scrubDeletedBytes(collections: string[], logger: Logger): Promise<void> {
  const db = mongoose.connection.db;
  if (!db) return;
  try {
    const info = await db.admin().command({ buildInfo: 1 });
    if ('ferretdbVersion' in info) {
      const scrub = db.collection<{ _id: string; pad?: Buffer }>(SCRUB_COLLECTION);
      // Twice: if a reader kept the first checkpoint from completing, the second one runs.
      for (let round = 0; round < 2; round++) {
        const id = `scrub-${Date.now()}-${round}-${Math.random().toString(36).slice(2)}`;
        await scrub.insertOne({ _id: id, pad: Buffer.alloc(PADDING_BYTES) });
        await scrub.deleteOne({ _id: id });
      }
      return;
    }
    for (const name of new Set(collections)) {
      await db.command({ compact: name, force: true }).catch((err: unknown) => {
        // A dropped collection has nothing left to compact.
        if (hasCodeName(err, 'NamespaceNotFound')) return;
        logger.warn({ err, collection: name }, 'erasure: compact not available');
      });
    }
  } catch (err) {
    // The data is deleted either way; only the overwrite of freed space failed.
    logger.error({ err }, 'erasure: scrubbing freed space failed');
  }
}
