import * as Y from 'yjs';
import { readBoard, visibilityOfDocName } from '@hearth/shared/board';
import { docNamePattern, parseDocName } from '@hearth/shared/realtime';
import type { Logger } from '../platform/logger';
import { trusted } from '../platform/db/trusted';
import { archiveCutoff, dropExpiredArchived } from '../privacy/archivedExpiry';
import type { StoredDocs } from '../privacy/storedDocs';
import { BoardVersion, type BoardVersionRecord } from './version.model';
import { isDuplicateKey } from '../platform/db/driverValues';

const DAY_MS = 86_400_000;
const BOARD_DOC = docNamePattern({ kinds: ['couple', 'space', 'private'] });

export function stateOf(record: BoardVersionRecord): Uint8Array {
  const s = record.state;
  if (s instanceof Uint8Array) return s;
  return new Uint8Array(s.buffer);
}

export type VersionReason = 'daily' | 'restore' | 'departure';

/**
 * Stores a snapshot of `doc` (a copy: items past the retention schedule are dropped from it
 * first, so a version never keeps what the board is about to lose); false when another node
 * already took this slot.
 */
export async function storeVersion(docName: string, doc: Y.Doc, slot: string, reason: VersionReason, at: Date): Promise<boolean> {
  const parsed = parseDocName(docName);
  const visibility = visibilityOfDocName(docName);
  if (!parsed || !visibility) return false;
  dropExpiredArchived(doc, archiveCutoff(at));
  const previous = await BoardVersion.findOne({ docName }, { at: 1 }).sort({ at: -1 }).lean();
  const items = readBoard(doc).items;
  const since = previous?.at.toISOString() ?? '';
  try {
    await BoardVersion.create({
      spaceId: parsed.spaceId,
      docName,
      visibility,
      ownerId: parsed.kind === 'private' ? parsed.userId : '',
      slot,
      reason,
      at,
      state: Buffer.from(Y.encodeStateAsUpdate(doc)),
      items: items.length,
      changedSince: items.filter((i) => i.updatedAt > since).length,
    });
    return true;
  } catch (err) {
    if (isDuplicateKey(err)) return false;
    throw err;
  }
}

/**
 * The periodic sweep: a daily snapshot of every board document that changed since its latest
 * version, and pruning of versions older than `keepDays`. Safe on several nodes at once.
 */
export async function sweepVersions(
  now: Date,
  keepDays: number,
  logger: Logger,
  stored: Pick<StoredDocs, 'storedDocNames' | 'lastStoredAt' | 'readStoredDoc'>,
): Promise<{ taken: number; pruned: number }> {
  let taken = 0;
  const day = now.toISOString().slice(0, 10);
  for (const docName of await stored.storedDocNames(BOARD_DOC)) {
    try {
      const changed = await stored.lastStoredAt(docName);
      const latest = await BoardVersion.findOne({ docName }, { at: 1 }).sort({ at: -1 }).lean();
      if (!changed || (latest && changed <= latest.at)) continue;
      const doc = await stored.readStoredDoc(docName);
      if (await storeVersion(docName, doc, `${docName}|day|${day}`, 'daily', now)) taken++;
      doc.destroy();
    } catch (err) {
      logger.warn({ err, docName }, 'versions: snapshot failed');
    }
  }
  const { deletedCount } = await BoardVersion.deleteMany({ at: trusted({ $lt: new Date(now.getTime() - keepDays * DAY_MS) }) });
  return { taken, pruned: deletedCount };
}
