import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { itemMapOf } from './docLayout';
import { readBoard, readItem } from './read/readBoard';
import { acceptPromise, createPromise } from './ops/promiseOps';
import { addCardComment, createCard } from './ops/cardOps';
import { boardDocName, defaultVisibilityFor, moveItem, visibilityOfDocName } from './visibility';
import { BOB, alice, bob } from '../../../test/helpers/boardActors';

const SPACE = 'aaaaaaaaaaaaaaaaaaaaaaaa';

describe('visibility', () => {
  it('names one document per level', () => {
    expect(boardDocName(SPACE, 'space', alice.userId)).toBe(`space:${SPACE}`);
    expect(boardDocName(SPACE, 'couple', alice.userId)).toBe(`couple:${SPACE}`);
    expect(boardDocName(SPACE, 'private', alice.userId)).toBe(`private:${SPACE}:${alice.userId}`);
    expect(visibilityOfDocName(`private:${SPACE}:${alice.userId}`)).toBe('private');
    expect(visibilityOfDocName(`notes:${SPACE}:${alice.userId}`)).toBeNull();
  });

  it('moves an item keeping its id, content and history, and removes it from the source', () => {
    const couple = new Y.Doc();
    const space = new Y.Doc();
    const id = createPromise(couple, alice, { text: 'Weekly date night', promiseeId: BOB, cadence: { type: 'weekly' } });
    acceptPromise(couple, bob, { itemId: id });
    const before = readItem(couple, id);
    moveItem(couple, space, alice, { itemId: id }, { origin: 'local' });
    expect(itemMapOf(couple, id)).toBeUndefined();
    expect(readBoard(couple).items).toEqual([]);
    const after = readItem(space, id);
    expect(after).toEqual({ ...before, updatedAt: after.updatedAt, updatedBy: alice.userId });
    expect(after.kind === 'promise' && after.history.map((h) => h.action)).toEqual(['proposed', 'accepted']);
    // The moved text is still collaborative text in its new home.
    expect(itemMapOf(space, id)!.get('text')).toBeInstanceOf(Y.Text);
  });

  it('lets only the creator change who sees an item', () => {
    const couple = new Y.Doc();
    const priv = new Y.Doc();
    const id = createCard(couple, alice, { cardType: 'need', statement: 'Space to think' });
    addCardComment(couple, bob, { itemId: id, text: 'Of course' });
    expect(() => moveItem(couple, priv, bob, { itemId: id })).toThrow(/only whoever created/);
    moveItem(couple, priv, alice, { itemId: id });
    expect(readItem(priv, id)).toMatchObject({ statement: 'Space to think', comments: [{ by: BOB, text: 'Of course' }] });
    expect(() => moveItem(priv, priv, alice, { itemId: id })).toThrow(/already there/);
  });
});

describe('sensitive by default', () => {
  it('starts check-ins and trigger cards as "only me", everything else as "us"', () => {
    expect(defaultVisibilityFor('checkin')).toBe('private');
    expect(defaultVisibilityFor('card', 'trigger')).toBe('private');
    expect(defaultVisibilityFor('card', 'need')).toBe('couple');
    expect(defaultVisibilityFor('experience')).toBe('couple');
    expect(defaultVisibilityFor('promise')).toBe('couple');
  });
});
