import * as Y from 'yjs';
import { ITEMS_KEY, itemsOf, readBoard, type BoardItem, type Visibility } from '@hearth/shared/board';
import { docNameOf } from '@hearth/shared/realtime';
import type { AuditLog } from '../audit/audit.service';
import { AppError } from '../platform/errors';
import { spaceForPartner } from '../spaces/spaces.service';
import { stateOf, storeVersion } from './snapshots';
import { BoardVersion, type BoardVersionRecord } from './version.model';

export interface VersionDto {
  id: string;
  at: string;
  visibility: Visibility;
  reason: 'daily' | 'restore' | 'departure';
  summary: { items: number; changedSince: number };
}

export interface VersionDeps {
  withDoc: <T>(name: string, fn: (doc: Y.Doc) => T) => Promise<T>;
  audit: AuditLog;
  clock: () => number;
}

/** The board document a partner means: the shared ones, or their own "only me" (never another's). */
function docFor(spaceId: string, visibility: Visibility, userId: string): string {
  return visibility === 'private' ? docNameOf({ kind: 'private', spaceId, userId }) : docNameOf({ kind: visibility, spaceId });
}

function toDto(v: BoardVersionRecord): VersionDto {
  return {
    id: v._id.toString(),
    at: v.at.toISOString(),
    visibility: v.visibility,
    reason: v.reason,
    summary: { items: v.items, changedSince: v.changedSince },
  };
}

/** Partners only; a counsellor gets 403, anyone else 404 (no existence leak). */
export async function listVersions(spaceId: string, userId: string, visibility: Visibility): Promise<VersionDto[]> {
  await spaceForPartner(spaceId, userId);
  const rows = await BoardVersion.find({ docName: docFor(spaceId, visibility, userId) }, { state: 0 })
    .sort({ at: -1 })
    .lean<BoardVersionRecord[]>();
  return rows.map(toDto);
}

/** A version this partner may see: of this space, and if "only me", their own. */
async function versionFor(spaceId: string, userId: string, versionId: string): Promise<BoardVersionRecord> {
  await spaceForPartner(spaceId, userId);
  const v = await BoardVersion.findById(versionId).lean<BoardVersionRecord>();
  if (!v || v.spaceId !== spaceId || (v.visibility === 'private' && v.ownerId !== userId)) {
    throw new AppError('not_found', 'No such version.');
  }
  return v;
}

function docOf(v: BoardVersionRecord): Y.Doc {
  const doc = new Y.Doc({ gc: true });
  Y.applyUpdate(doc, stateOf(v));
  return doc;
}

export async function previewVersion(
  spaceId: string,
  userId: string,
  versionId: string,
): Promise<{ version: VersionDto; items: BoardItem[] }> {
  const v = await versionFor(spaceId, userId, versionId);
  const doc = docOf(v);
  const items = readBoard(doc).items;
  doc.destroy();
  return { version: toDto(v), items };
}

/**
 * Restores the whole document (every item as it was; items added since are removed) or only
 * the named items, as a new change on top of the current state through the collab server's
 * normal durable path, so everyone connected sees it live. The current state is snapshotted
 * first, so a restore can itself be undone by restoring that version.
 */
export async function restoreVersion(
  spaceId: string,
  userId: string,
  versionId: string,
  itemIds: string[] | undefined,
  deps: VersionDeps,
): Promise<{ restored: string[]; before: string }> {
  const v = await versionFor(spaceId, userId, versionId);
  const old = docOf(v);
  const oldItems = itemsOf(old);
  for (const id of itemIds ?? []) {
    if (!oldItems.has(id)) throw new AppError('invalid_input', `itemIds: ${id} is not in this version`);
  }
  const now = new Date(deps.clock());
  const current = await deps.withDoc(v.docName, (doc) => Y.encodeStateAsUpdate(doc));
  const beforeDoc = new Y.Doc();
  Y.applyUpdate(beforeDoc, current);
  const beforeSlot = `${v.docName}|restore|${versionId}|${now.getTime()}|${userId}`;
  await storeVersion(v.docName, beforeDoc, beforeSlot, 'restore', now);
  beforeDoc.destroy();
  const before = await BoardVersion.findOne({ slot: beforeSlot }, { _id: 1 }).lean();

  // Logged before it happens: a restore that cannot be logged is refused.
  await deps.audit.record({
    spaceId,
    actorId: userId,
    action: 'version.restored',
    target: `${v.docName}@${v.at.toISOString()}${itemIds ? ` items:${itemIds.length}` : ''}`,
  });
  const restored = await deps.withDoc(v.docName, (doc) => {
    const items = doc.getMap<Y.Map<unknown>>(ITEMS_KEY);
    const ids = itemIds ?? [...oldItems.keys()];
    if (!itemIds) for (const id of [...items.keys()]) if (!oldItems.has(id)) items.delete(id);
    for (const id of ids) {
      const was = oldItems.get(id);
      if (!was) continue; // every id was checked against the version above
      const copy = was.clone();
      // Who restored it and from when: the partner's activity feed says so.
      copy.set('restoredBy', userId);
      copy.set('restoredAt', now.toISOString());
      copy.set('restoredFrom', v.at.toISOString());
      items.set(id, copy);
    }
    return ids;
  });
  old.destroy();
  return { restored, before: before?._id.toString() ?? '' };
}
