import * as Y from 'yjs';
import { createExperience, getItemText } from '@hearth/shared/board';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connectTestDb, freshDbName } from '../helpers/database';
import { startCollabHarness, type CollabHarness } from './collab-fixtures/collabHarness';
import { connectClient, waitFor, type TestClient } from './collab-fixtures/providers';
import { createMongoCollabStore } from '../../server/src/collab';
import { listCollectionNames, listSegments } from '../../server/src/collab/journal';
import { journalSegment, snapshotCollectionName } from '../../server/src/collab/collabCollections';

const USER = 'c0000000000000000000000c';
const DOC = `private:${'d'.repeat(24)}:${USER}`;
const store = createMongoCollabStore();
let h: CollabHarness;
const clients: TestClient[] = [];

beforeAll(async () => {
  await connectTestDb(freshDbName('collabcheckpoint'));
  // A fold every 20 journal rows, so that a short session makes several.
  h = await startCollabHarness((_u, doc) => ({ mode: 'write', role: 'partner', spaceId: doc.spaceId }), { compactEvery: 20 });
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await h?.stop();
});

it('a document being edited is folded into checkpoint rows of the journal, without snapshot writes, and loads whole from them', async () => {
  const client = connectClient(h.wsBase, DOC, h.headersFor(USER));
  clients.push(client);
  await waitFor('sync', () => client.provider.synced);
  const planId = createExperience(client.doc, { userId: USER, partnerIds: [USER] }, { title: 'Notes' });
  const notes = getItemText(client.doc, planId, 'notes')!;
  for (let i = 0; i < 90; i++) {
    notes.insert(notes.length, String(i % 10));
    // One update per group commit, as a person types.
    if (i % 3 === 0) await waitFor('saved', () => client.allSaved());
  }
  await waitFor('every edit saved', () => client.allSaved());

  // No snapshot was written while editing: the folds rode along with the group commits.
  expect(await listCollectionNames()).not.toContain(snapshotCollectionName(DOC));
  const rows = (
    await Promise.all((await listSegments()).map((s) => journalSegment(s).find({ doc: DOC }).sort({ seq: 1 }).toArray()))
  ).flat();
  const whole = rows.filter((row) => {
    const alone = new Y.Doc();
    Y.applyUpdate(alone, new Uint8Array(row.data.buffer));
    return (getItemText(alone, planId, 'notes')?.toString().length ?? 0) > 0;
  });
  expect(whole.length).toBeGreaterThanOrEqual(3);
  // The checkpoint rows are marked as such, and no other row is.
  expect(rows.filter((r) => r.cp).map((r) => r.seq)).toEqual(whole.map((r) => r.seq));

  // Everything after the last checkpoint plus the checkpoint itself is the whole document.
  const last = whole.at(-1)!;
  const fromCheckpoint = new Y.Doc();
  for (const row of rows.filter((r) => r.seq >= last.seq)) Y.applyUpdate(fromCheckpoint, new Uint8Array(row.data.buffer));
  expect(getItemText(fromCheckpoint, planId, 'notes')!.toString()).toBe(notes.toString());

  // A load applies each segment's rows from its last checkpoint on, not the rows inside it.
  const stored = await store.load(DOC);
  expect(stored.updates.length).toBeLessThan(rows.length);
  expect(stored.updates.length).toBe([...stored.segments.values()].reduce((n, c) => n + c, 0));
  const loaded = new Y.Doc();
  for (const update of stored.updates) Y.applyUpdate(loaded, update);
  expect(getItemText(loaded, planId, 'notes')!.toString()).toBe(notes.toString());
});
