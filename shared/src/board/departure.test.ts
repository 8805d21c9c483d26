import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCardComment, createCard } from './ops/cardOps';
import { addCheckin } from './ops/checkinOps';
import { FORMER_MEMBER_ID, departFromBoard } from './ops/departure';
import { createExperience, setExperienceStatus } from './ops/experienceOps';
import { writeReflection } from './ops/experienceReflections';
import { readBoard, readItemOfKind } from './read/readBoard';
import { ALICE, BOB, alice, bob } from '../../../test/helpers/boardActors';

/** A board with Alice's and Bob's words mixed: cards, comments, a check-in, a shared plan. */
function mixedBoard() {
  const doc = new Y.Doc();
  const ids = {
    aliceCard: createCard(doc, alice, { cardType: 'need', statement: 'Alice needs quiet' }),
    bobCard: createCard(doc, bob, { cardType: 'boundary', statement: 'Bob needs notice' }),
    checkin: addCheckin(doc, alice, { mood: 2, feelings: ['tired'], need: 'rest' }),
    plan: createExperience(doc, bob, { title: 'Walk by the sea', status: 'planned' }),
  };
  addCardComment(doc, alice, { itemId: ids.bobCard, text: 'I hear you' });
  addCardComment(doc, bob, { itemId: ids.aliceCard, text: 'Of course' });
  setExperienceStatus(doc, alice, { itemId: ids.plan, status: 'done' });
  writeReflection(doc, alice, { itemId: ids.plan, enjoyed: 'The wind' });
  return { doc, ids };
}

describe('leaving safely: what happens to what the leaver wrote', () => {
  it('delete removes their items and their comments, and keeps the partner’s', () => {
    const { doc, ids } = mixedBoard();
    const result = departFromBoard(doc, ALICE, 'delete');
    const left = readBoard(doc)
      .items.map((i) => i.id)
      .sort();
    expect(left).toEqual([ids.bobCard, ids.plan].sort());
    expect(readItemOfKind(doc, ids.bobCard, 'card').comments).toEqual([]);
    expect(result.removed).toBe(2);
  });

  it('anonymise keeps the words but no trace of their id, and drops their check-ins', () => {
    const { doc, ids } = mixedBoard();
    departFromBoard(doc, ALICE, 'anonymise');
    expect(JSON.stringify(doc.getMap('items').toJSON())).not.toContain(ALICE);
    const card = readItemOfKind(doc, ids.aliceCard, 'card');
    expect(card).toMatchObject({ authorId: FORMER_MEMBER_ID, createdBy: FORMER_MEMBER_ID, statement: 'Alice needs quiet' });
    expect(readItemOfKind(doc, ids.bobCard, 'card').comments.map((c) => [c.by, c.text])).toEqual([[FORMER_MEMBER_ID, 'I hear you']]);
    expect(readItemOfKind(doc, ids.plan, 'experience').createdBy).toBe(BOB);
    expect(JSON.stringify(doc.getMap('items').toJSON())).toContain('The wind');
    expect(readBoard(doc).items.some((i) => i.id === ids.checkin)).toBe(false);
    expect(readBoard(doc).problems).toEqual([]);
  });

  it('keep changes nothing', () => {
    const { doc } = mixedBoard();
    const before = JSON.stringify(doc.getMap('items').toJSON());
    expect(departFromBoard(doc, ALICE, 'keep')).toEqual({ removed: 0, rewritten: 0 });
    expect(JSON.stringify(doc.getMap('items').toJSON())).toBe(before);
  });
});
