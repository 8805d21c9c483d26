import * as Y from 'yjs';
import { readBoard } from '@hearth/shared/board';
import { atomicWrite } from '../platform/db/atomicWrite';
import { dropExpiredArchived } from '../privacy/archivedExpiry';
import { stateOf } from './snapshots';
import { BoardVersion, type BoardVersionRecord } from './version.model';

/**
 * Rewrites every version that still holds an item archived before `cutoff` without it: the
 * retention schedule removes such items from the board, and history must not bring them back.
 * The rewritten state is encoded from a garbage-collected document, so the removed words are
 * not in it. Returns how many versions were rewritten. Safe on several nodes at once (the
 * rewrite is idempotent).
 */
export async function trimVersions(cutoff: Date): Promise<number> {
  let trimmed = 0;
  const cursor = BoardVersion.find({}).lean<BoardVersionRecord[]>().cursor();
  for await (const v of cursor) {
    const doc = new Y.Doc({ gc: true });
    try {
      Y.applyUpdate(doc, stateOf(v));
      if (dropExpiredArchived(doc, cutoff).length === 0) continue;
      const state = Buffer.from(Y.encodeStateAsUpdate(doc));
      const items = readBoard(doc).items.length;
      await atomicWrite(BoardVersion, () => BoardVersion.updateOne({ _id: v._id }, { $set: { state, items } }));
      trimmed += 1;
    } finally {
      doc.destroy();
    }
  }
  return trimmed;
}
