import { Types } from 'mongoose';
import * as Y from 'yjs';
import { createExperience } from '@hearth/shared/board';
import { docNameOf } from '@hearth/shared/realtime';
import { beforeAll, describe, expect, it } from 'vitest';
import { connectTestDb, freshDbName } from '../helpers/database';
import { actor, writeDoc } from './privacy-fixtures/boardDocs';
import { createMongoCollabStore } from '../../server/src/collab';
import { createStoredDocs } from '../../server/src/privacy/storedDocs';

const collabStore = createMongoCollabStore();
const { readStoredDoc, readStoredDocs } = createStoredDocs(collabStore);

beforeAll(async () => {
  await connectTestDb(freshDbName('storedStates'));
});

const json = (doc: Y.Doc) => JSON.stringify(doc.getMap('items').toJSON());

describe('loading many stored documents at once (the reminder pass)', () => {
  it('gives each document exactly what loading it alone gives: snapshots, journal rows after them, nothing for an unknown one', async () => {
    const spaceId = new Types.ObjectId().toString();
    const [a, b] = [new Types.ObjectId().toString(), new Types.ObjectId().toString()];
    const who = actor(a, [a, b]);
    const couple = docNameOf({ kind: 'couple', spaceId });
    const space = docNameOf({ kind: 'space', spaceId });
    const empty = docNameOf({ kind: 'private', spaceId, userId: b });
    await writeDoc(couple, (d) => createExperience(d, who, { title: 'first' }));
    await writeDoc(space, (d) => createExperience(d, who, { title: 'shared' }));
    // Compact the couple board, then add a row after its snapshot.
    const stored = await collabStore.load(couple);
    const doc = await readStoredDoc(couple);
    const rows = [...stored.segments.values()].reduce((n, c) => n + c, 0);
    await collabStore.compact(couple, Y.encodeStateAsUpdate(doc), { snapshotIds: stored.snapshotIds, maxSeq: stored.maxSeq, rows });
    doc.destroy();
    await writeDoc(couple, (d) => createExperience(d, who, { title: 'after the snapshot' }));

    const many = await collabStore.loadMany([couple, space, empty]);
    for (const name of [couple, space, empty]) {
      const alone = await collabStore.load(name);
      const together = many.get(name)!;
      expect(together.maxSeq).toBe(alone.maxSeq);
      expect(together.snapshotIds.map(String)).toEqual(alone.snapshotIds.map(String));
      expect([...together.segments]).toEqual([...alone.segments]);
      expect(together.bytes).toBe(alone.bytes);
    }
    expect(many.get(couple)!.snapshotIds).toHaveLength(1);
    expect(many.get(empty)!.updates).toEqual([]);

    const docs = await readStoredDocs([couple, space, empty]);
    for (const name of [couple, space, empty]) expect(json(docs.get(name)!)).toBe(json(await readStoredDoc(name)));
    expect(json(docs.get(couple)!)).toContain('after the snapshot');
    expect(json(docs.get(couple)!)).toContain('first');
    expect(json(docs.get(empty)!)).toBe('{}');
  });
});
