import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { itemMapOf } from './docLayout';
import { listAppreciations, listExperiences, readItem } from './read/readBoard';
import { checkinFor, listCheckins } from './read/checkins';
import { createExperience } from './ops/experienceOps';
import { createCard } from './ops/cardOps';
import { addCheckin } from './ops/checkinOps';
import { createAppreciation, updateAppreciation } from './ops/appreciationOps';
import { deleteItem, reorderItem, setArchived, setItemText } from './ops/itemOps';
import { ALICE, BOB, alice, at, bob } from '../../../test/helpers/boardActors';

describe('item operations', () => {
  it('archives, unarchives and deletes, by whoever may manage the item', () => {
    const doc = new Y.Doc();
    const plan = createExperience(doc, alice, { title: 'Museum' });
    const card = createCard(doc, alice, { cardType: 'need', statement: 'Tell me when you are late' });
    setArchived(doc, bob, { itemId: plan, archived: true }, at('2025-03-01T10:00:00Z'));
    expect(readItem(doc, plan)).toMatchObject({ archived: true, archivedAt: '2025-03-01T10:00:00.000Z', updatedBy: BOB });
    expect(listExperiences(doc)).toEqual([]);
    expect(listExperiences(doc, { includeArchived: true })).toHaveLength(1);
    setArchived(doc, alice, { itemId: plan, archived: false });
    expect(readItem(doc, plan)).toMatchObject({ archived: false, archivedAt: null });
    expect(() => setArchived(doc, bob, { itemId: card, archived: true })).toThrow(/only its author/);
    expect(() => deleteItem(doc, bob, { itemId: card })).toThrow(/only its author/);
    deleteItem(doc, alice, { itemId: card });
    expect(() => readItem(doc, card)).toThrow(/no item/);
  });

  it('reorders within a kind and recovers when two items share a position', () => {
    const doc = new Y.Doc();
    const [a, b, c] = ['A', 'B', 'C'].map((title) => createExperience(doc, alice, { title })) as [string, string, string];
    createCard(doc, alice, { cardType: 'need', statement: 'other kinds do not interfere' });
    reorderItem(doc, bob, { itemId: c, afterId: null });
    expect(listExperiences(doc).map((i) => i.id)).toEqual([c, a, b]);
    // As after two offline inserts into the same gap: identical keys.
    itemMapOf(doc, b)!.set('position', itemMapOf(doc, a)!.get('position'));
    const [first, second] = [a, b].sort();
    reorderItem(doc, alice, { itemId: c, afterId: first! });
    expect(listExperiences(doc).map((i) => i.id)).toEqual([first, c, second]);
    expect(() => reorderItem(doc, alice, { itemId: c, afterId: c })).toThrow(/cannot follow itself/);
  });

  it('keeps one check-in per partner per day; a second submit updates it', () => {
    const doc = new Y.Doc();
    addCheckin(doc, alice, { mood: 3, feelings: ['calm'], need: 'a walk' }, at('2025-03-02T08:00:00Z'));
    addCheckin(doc, alice, { mood: 4, feelings: ['calm', 'close'], need: 'a walk', note: 'better' }, at('2025-03-02T20:00:00Z'));
    addCheckin(doc, bob, { date: '2025-03-02', mood: 2, feelings: ['tired'], need: 'sleep' });
    addCheckin(doc, alice, { date: '2025-03-03', mood: 5, feelings: [], need: '' });
    expect(checkinFor(doc, ALICE, '2025-03-02')).toMatchObject({
      mood: 4,
      feelings: ['calm', 'close'],
      note: 'better',
      createdAt: '2025-03-02T08:00:00.000Z',
      updatedAt: '2025-03-02T20:00:00.000Z',
    });
    expect(listCheckins(doc, { userId: ALICE }).map((c) => c.date)).toEqual(['2025-03-02', '2025-03-03']);
    expect(listCheckins(doc, { from: '2025-03-02', to: '2025-03-02' })).toHaveLength(2);
    expect(() => addCheckin(doc, alice, { mood: 6, feelings: [], need: '' })).toThrow(/mood/);
  });

  it('sends appreciations to the partner, edited only by their author', () => {
    const doc = new Y.Doc();
    expect(() => createAppreciation(doc, alice, { toId: ALICE, text: 'me' })).toThrow(/for your partner/);
    const id = createAppreciation(doc, alice, { toId: BOB, text: 'Thank you for the tea' });
    expect(() => updateAppreciation(doc, bob, { itemId: id, text: 'changed' })).toThrow(/only its author/);
    expect(() => setItemText(doc, bob, { itemId: id, field: 'text', value: 'changed' })).toThrow(/may not edit/);
    updateAppreciation(doc, alice, { itemId: id, text: 'Thank you for the morning tea' });
    expect(listAppreciations(doc)).toMatchObject([{ fromId: ALICE, toId: BOB, text: 'Thank you for the morning tea' }]);
  });

  it('tags every write with the caller origin so undo covers only local edits', () => {
    const doc = new Y.Doc();
    const mine = Symbol('alice-undo');
    const id = createExperience(doc, bob, { title: 'Picnic' }, { origin: 'remote' });
    const undo = new Y.UndoManager([doc.getMap('items')], { trackedOrigins: new Set([mine]) });
    setItemText(doc, alice, { itemId: id, field: 'title', value: 'Picnic at noon' }, { origin: mine });
    setItemText(doc, bob, { itemId: id, field: 'where', value: 'The park' }, { origin: 'remote' });
    undo.undo();
    expect(readItem(doc, id)).toMatchObject({ title: 'Picnic', where: 'The park' });
  });
});
