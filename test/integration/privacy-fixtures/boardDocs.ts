import { Types } from 'mongoose';
import * as Y from 'yjs';
import { createAppreciation, createCard, createExperience, type BoardActor } from '@hearth/shared/board';
import { notesTextOf } from '@hearth/shared/realtime';
import { segmentName } from '../../../server/src/collab/journal';
import { createMongoCollabStore } from '../../../server/src/collab';
import { createStoredDocs } from '../../../server/src/privacy/storedDocs';

const collabStore = createMongoCollabStore();
const { readStoredDoc, storedDocNames } = createStoredDocs(collabStore);

let seq = 0;

/**
 * Changes a stored document the way an acknowledged edit would land: as one update appended
 * to the update log through the collab persistence (the Yjs server is not needed for this).
 */
export async function writeDoc(name: string, change: (doc: Y.Doc) => void): Promise<void> {
  const doc = await readStoredDoc(name);
  const before = Y.encodeStateVector(doc);
  change(doc);
  const update = Y.encodeStateAsUpdate(doc, before);
  doc.destroy();
  await collabStore.append(segmentName(Date.now()), [{ id: new Types.ObjectId(), doc: name, seq: ++seq, data: update }]);
}

export function actor(userId: string, partnerIds: string[]): BoardActor {
  return { userId, partnerIds };
}

/** Adds an experience titled `title` and returns its id. */
export async function addExperience(name: string, who: BoardActor, title: string): Promise<string> {
  let id = '';
  await writeDoc(name, (doc) => {
    id = createExperience(doc, who, { title, notes: `notes for ${title}` });
  });
  return id;
}

export async function addCard(name: string, who: BoardActor, statement: string): Promise<string> {
  let id = '';
  await writeDoc(name, (doc) => {
    id = createCard(doc, who, { cardType: 'need', statement });
  });
  return id;
}

export async function addAppreciation(name: string, who: BoardActor, toId: string, text: string): Promise<string> {
  let id = '';
  await writeDoc(name, (doc) => {
    id = createAppreciation(doc, who, { toId, text });
  });
  return id;
}

export async function writeNotes(name: string, text: string): Promise<void> {
  await writeDoc(name, (doc) => notesTextOf(doc).insert(0, text));
}

/** How many stored documents match (each with its update log and snapshots). */
export async function storedDocCount(pattern: RegExp): Promise<number> {
  return (await storedDocNames(pattern)).length;
}

/** Folds a document's stored state into a snapshot, as the collab server's compaction does. */
export async function compactStoredDoc(name: string): Promise<void> {
  const stored = await collabStore.load(name);
  const rows = [...stored.segments.values()].reduce((n, c) => n + c, 0);
  await collabStore.compact(name, Y.mergeUpdates(stored.updates), { snapshotIds: stored.snapshotIds, maxSeq: stored.maxSeq, rows });
}
