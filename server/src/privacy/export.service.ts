import { boardDocName, itemsOf, readBoard, type Visibility } from '@hearth/shared/board';
import { readJourneySettings, type JourneySettings } from '@hearth/shared/insights';
import { docNameOf, notesTextOf } from '@hearth/shared/realtime';
import * as Y from 'yjs';
import type { AuditLog } from '../audit/audit.service';
import type { SessionUser } from '../auth/sessionUser';
import { viewStored } from '../exercises/machines/index';
import { ExerciseRunModel, type ExerciseRunRecord } from '../exercises/exerciseRun.model';
import { AppError } from '../platform/errors';
import { counsellorAccess, findMember } from '../spaces/counsellorAccess';
import { toSpaceDto } from '../spaces/spaceDto';
import type { SpaceRecord } from '../spaces/space.model';
import { spaceForMember } from '../spaces/spaces.service';
import type { ExportBoard, ExportExercise, HearthExport } from './export.types';
import type { StoredDocs } from './storedDocs';

/**
 * Everything a member can see in a space, read from durable storage. Partners: the `space:`
 * and `couple:` boards, their own `private:` board, exercises and the audit log. An active
 * counsellor: the `space:` board and their `notes:` document only (and the export is audited).
 * A pending counsellor sees no content yet: 403.
 */
export async function buildExport(
  stored: Pick<StoredDocs, 'readStoredDoc'>,
  spaceId: string,
  user: SessionUser,
  audit: AuditLog,
  format: 'json' | 'md',
): Promise<HearthExport> {
  const space = await spaceForMember(spaceId, user.id);
  const member = findMember(space, user.id)!;
  const isPartner = member.role === 'partner';
  if (!isPartner && counsellorAccess(space, member) !== 'active') {
    throw new AppError('forbidden', 'Both partners need to consent before you can export this space.');
  }
  const visibilities: Visibility[] = isPartner ? ['space', 'couple', 'private'] : ['space'];
  let journeySettings: JourneySettings = { timeZone: null, hiddenMoods: [] };
  const boards = await Promise.all(
    visibilities.map((v) =>
      exportBoard(stored, boardDocName(spaceId, v, user.id), v, (doc) => {
        if (v === 'space') journeySettings = readJourneySettings(doc);
      }),
    ),
  );

  let notes: HearthExport['notes'] = null;
  if (!isPartner) {
    const name = docNameOf({ kind: 'notes', spaceId, userId: user.id });
    const doc = await stored.readStoredDoc(name);
    notes = { document: name, text: notesTextOf(doc).toString() };
    doc.destroy();
    await audit.record({ spaceId, actorId: user.id, action: 'export', target: `export:${format}` });
  }

  return {
    format: 'hearth-export',
    formatVersion: 1,
    exportedAt: new Date().toISOString(),
    exportedBy: { id: user.id, displayName: user.displayName, email: user.email, role: member.role },
    space: await exportSpace(space),
    boards,
    notes,
    exercises: isPartner ? await exportExercises(spaceId, user.id) : [],
    journeySettings,
    audit: isPartner ? await audit.list(spaceId) : [],
  };
}

async function exportSpace(space: SpaceRecord): Promise<HearthExport['space']> {
  const dto = await toSpaceDto(space);
  return {
    id: dto.id,
    name: dto.name,
    createdAt: space.createdAt.toISOString(),
    members: dto.members.map((m) => ({
      ...m,
      joinedAt: findMember(space, m.userId)?.joinedAt.toISOString() ?? '',
    })),
  };
}

async function exportBoard(
  stored: Pick<StoredDocs, 'readStoredDoc'>,
  name: string,
  visibility: Visibility,
  alsoRead?: (doc: Y.Doc) => void,
): Promise<ExportBoard> {
  const doc = await stored.readStoredDoc(name);
  try {
    alsoRead?.(doc);
    const snapshot = readBoard(doc);
    const items = itemsOf(doc);
    return {
      document: name,
      visibility,
      schemaVersion: snapshot.schemaVersion,
      items: snapshot.items,
      unreadable: snapshot.problems.map((p) => {
        const raw = p.itemId === null ? null : items.get(p.itemId);
        return { itemId: p.itemId, problem: p.message, raw: raw instanceof Y.AbstractType ? raw.toJSON() : (raw ?? null) };
      }),
    };
  } finally {
    doc.destroy();
  }
}

/**
 * Exercise results as the exporting partner may see them (the machines' view rule): an answer
 * never revealed to both stays with its author, whatever is still stored.
 */
async function exportExercises(spaceId: string, userId: string): Promise<ExportExercise[]> {
  const rows = await ExerciseRunModel.find({ spaceId }).sort({ startedAt: 1 }).lean<ExerciseRunRecord[]>();
  return rows.map((r) => ({
    id: r._id.toString(),
    kind: r.kind,
    status: r.status,
    phase: r.phase,
    participants: r.participants,
    startedBy: r.startedBy,
    startedAt: new Date(r.startedAt).toISOString(),
    endedAt: typeof r.endedAt === 'number' ? new Date(r.endedAt).toISOString() : null,
    endedReason: r.endedReason ?? null,
    data: viewStored(r.kind, r.data, r.participants.includes(userId) ? userId : null),
  }));
}
