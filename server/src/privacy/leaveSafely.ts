import { departFromBoard, type DepartureChoice } from '@hearth/shared/board';
import { docNameOf, docNamePattern } from '@hearth/shared/realtime';
import * as Y from 'yjs';
import { AppError } from '../platform/errors';
import { findMember } from '../spaces/counsellorAccess';
import { leaveSpace, spaceForMember } from '../spaces/spaces.service';
import type { ErasureDeps } from './erasureDeps';
import { purgeSpace } from './spaceErasure';
import { storeVersion } from '../versions/snapshots';
import { BoardVersion } from '../versions/version.model';

export interface LeaveSafelyDeps extends ErasureDeps {
  /** Runs a change on a live board document (stored and broadcast like any edit). */
  withDoc<T>(docName: string, fn: (doc: Y.Doc) => T): Promise<T>;
}

export interface LeaveSafelyResult {
  removed: number;
  rewritten: number;
}

/**
 * A partner leaves a space without leaving themselves behind. Order matters on a database
 * without transactions: the shared boards are changed first and the private board erased
 * while they are still a member (a crash leaves them able to try again), and the membership
 * change comes last. Nothing is announced but that change (`space:changed`, as for any leave).
 */
export async function leaveSafely(
  spaceId: string,
  userId: string,
  shared: DepartureChoice,
  deps: LeaveSafelyDeps,
): Promise<LeaveSafelyResult> {
  const space = await spaceForMember(spaceId, userId);
  if (findMember(space, userId)?.role !== 'partner') {
    throw new AppError('forbidden', 'Leaving safely is for partners; a counsellor simply leaves.');
  }
  const totals = { removed: 0, rewritten: 0 };
  for (const kind of ['couple', 'space'] as const) {
    const r = await deps.withDoc(docNameOf({ kind, spaceId }), (doc) => departFromBoard(doc, userId, shared, { origin: 'departure' }));
    totals.removed += r.removed;
    totals.rewritten += r.rewritten;
  }
  const privateName = docNameOf({ kind: 'private', spaceId, userId });
  await deps.evictDocuments?.((name) => name === privateName);
  await deps.stored.purgeStoredDocs(docNamePattern({ kinds: ['private'], spaceId, userId }));
  await BoardVersion.deleteMany({ docName: privateName });
  // Older versions of the shared boards still hold what they wrote as it was: unless they
  // chose to keep it, those versions go too. No version is taken *before* this bulk change
  // (it would keep the words they asked to remove); history restarts from the board as they
  // left it, so what the other partner does next can be undone (docs/api.md, "Version history").
  if (shared !== 'keep') {
    const at = new Date();
    for (const kind of ['couple', 'space'] as const) {
      const name = docNameOf({ kind, spaceId });
      await BoardVersion.deleteMany({ docName: name });
      const after = new Y.Doc({ gc: true });
      Y.applyUpdate(after, await deps.withDoc(name, (doc) => Y.encodeStateAsUpdate(doc)));
      await storeVersion(name, after, `${name}|departure|${at.getTime()}|${userId}`, 'departure', at);
      after.destroy();
    }
  }

  const result = await leaveSpace(spaceId, userId, deps.events);
  if (result.lastPartnerLeft) await purgeSpace(spaceId, deps);
  deps.logger.info({ spaceId, shared }, 'a partner left safely');
  return totals;
}
