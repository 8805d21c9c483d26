import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardDataError, BoardRuleError } from './errors';
import { BOARD_SCHEMA_VERSION, itemMapOf, itemsOf, schemaVersionOf } from './docLayout';
import { assertValidBoard, readBoard, readItem } from './read/readBoard';
import { createCard, updateCard } from './ops/cardOps';
import { createExperience, updateExperience } from './ops/experienceOps';
import { moveItem } from './visibility';
import { subscribe } from './subscribe';
import { alice, bob, replicas, sync } from '../../../test/helpers/boardActors';

describe('reading the board', () => {
  it('stamps the schema version on first write', () => {
    const doc = new Y.Doc();
    expect(schemaVersionOf(doc)).toBeNull();
    createCard(doc, alice, { cardType: 'need', statement: 'Time alone after work' });
    expect(schemaVersionOf(doc)).toBe(BOARD_SCHEMA_VERSION);
    expect(readBoard(doc).schemaVersion).toBe(BOARD_SCHEMA_VERSION);
  });

  it('keeps fields a newer client wrote, through reads, edits, sync and moves', () => {
    let id = '';
    const [newer, older] = replicas((doc) => {
      id = createExperience(doc, alice, { title: 'Learn to dance' });
    });
    newer.transact(() => {
      const map = itemMapOf(newer, id)!;
      map.set('mood', 'adventurous');
      map.set('photos', new Y.Array<string>());
    });
    sync(newer, older);
    updateExperience(older, bob, { itemId: id, title: 'Learn to dance salsa', category: 'learning_together' });
    expect(readItem(older, id)).toMatchObject({ title: 'Learn to dance salsa', mood: 'adventurous', photos: [] });
    sync(newer, older);
    expect(readItem(newer, id)).toMatchObject({ mood: 'adventurous', category: 'learning_together' });
    const elsewhere = new Y.Doc();
    moveItem(older, elsewhere, alice, { itemId: id });
    expect(readItem(elsewhere, id)).toMatchObject({ mood: 'adventurous', photos: [] });
  });

  it('reports invalid data naming the item and field, without hiding the rest', () => {
    const doc = new Y.Doc();
    const good = createCard(doc, alice, { cardType: 'boundary', statement: 'No phones at dinner' });
    const bad = createCard(doc, alice, { cardType: 'need', statement: 'A hug when I get home' });
    itemMapOf(doc, bad)!.set('cardType', 'wish');
    const snapshot = readBoard(doc);
    expect(snapshot.items.map((i) => i.id)).toEqual([good]);
    expect(snapshot.problems).toHaveLength(1);
    expect(snapshot.problems[0]).toBeInstanceOf(BoardDataError);
    expect(snapshot.problems[0]!.message).toMatch(new RegExp(`item ${bad}: field 'cardType'`));
    expect(() => readItem(doc, bad)).toThrow(/field 'cardType'/);
    expect(() => assertValidBoard(doc)).toThrow(BoardDataError);
  });

  it('rejects a plain string where collaborative text belongs', () => {
    const doc = new Y.Doc();
    const id = createCard(doc, alice, { cardType: 'need', statement: 'Reassurance' });
    itemMapOf(doc, id)!.set('statement', 'overwritten');
    expect(() => readItem(doc, id)).toThrow(/field 'statement' must be collaborative text/);
    // Operations refuse to build on broken data rather than patching it.
    expect(() => updateCard(doc, alice, { itemId: id, helps: 'Ask me' })).toThrow(BoardDataError);
  });

  it('names nested fields and unknown kinds', () => {
    const doc = new Y.Doc();
    const id = createExperience(doc, alice, { title: 'Trip', steps: [{ text: 'Book' }] });
    const steps = itemMapOf(doc, id)!.get('steps') as Y.Array<Y.Map<unknown>>;
    steps.get(0).set('done', 'yes');
    expect(() => readItem(doc, id)).toThrow(/field 'steps\.0\.done'/);
    itemsOf(doc).set(
      'x1',
      new Y.Map([
        ['kind', 'poll'],
        ['id', 'x1'],
      ]),
    );
    expect(readBoard(doc).problems.map((p) => p.field)).toEqual(expect.arrayContaining(['kind']));
  });

  it('says not found for a missing item', () => {
    const doc = new Y.Doc();
    expect(() => readItem(doc, 'nope')).toThrow(BoardRuleError);
  });

  it('notifies subscribers once per change with the origin', () => {
    const doc = new Y.Doc();
    const seen: { count: number; origin: unknown }[] = [];
    const stop = subscribe(doc, (snapshot, change) => seen.push({ count: snapshot.items.length, origin: change.origin }));
    createCard(doc, alice, { cardType: 'need', statement: 'Quiet mornings' }, { origin: 'me' });
    stop();
    createCard(doc, alice, { cardType: 'need', statement: 'More' });
    expect(seen).toEqual([{ count: 1, origin: 'me' }]);
  });
});
