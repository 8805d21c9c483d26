import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addStep, createAppreciation, createExperience, listItems, readItem, setItemText } from '@hearth/shared/board';
import { deleteWithUndo } from './deleteWithUndo';

const A = 'a'.repeat(24);
const B = 'b'.repeat(24);
const alex = { userId: A, partnerIds: [A, B] };
const sam = { userId: B, partnerIds: [A, B] };

function sync(from: Y.Doc, to: Y.Doc) {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

describe('deleteWithUndo', () => {
  it('restores a deleted item whole, with its id, text and steps, for the partner too', () => {
    const doc = new Y.Doc();
    const partner = new Y.Doc();
    const id = createExperience(doc, alex, { title: 'Weekend in Lisbon', notes: 'bring boots' });
    addStep(doc, alex, { itemId: id, text: 'Book the train' });
    const before = readItem(doc, id);
    sync(doc, partner);

    const deleted = deleteWithUndo(doc, alex, id);
    sync(doc, partner);
    expect(listItems(partner, 'experience', { includeArchived: true })).toHaveLength(0);

    deleted.undo();
    sync(doc, partner);
    expect(readItem(doc, id)).toEqual(before);
    expect(readItem(partner, id)).toEqual(before);
  });

  it('reverts only the deletion, never an edit made after it', () => {
    const doc = new Y.Doc();
    const kept = createAppreciation(doc, alex, { toId: B, text: 'the soup' });
    const gone = createAppreciation(doc, alex, { toId: B, text: 'the flowers' });
    const deleted = deleteWithUndo(doc, alex, gone);
    setItemText(doc, alex, { itemId: kept, field: 'text', value: 'the soup, twice' });
    deleted.undo();
    expect(readItem(doc, kept)).toMatchObject({ text: 'the soup, twice' });
    expect(readItem(doc, gone)).toMatchObject({ text: 'the flowers' });
  });

  it('refuses what the board rules refuse, and changes nothing', () => {
    const doc = new Y.Doc();
    const id = createAppreciation(doc, alex, { toId: B, text: 'the soup' });
    expect(() => deleteWithUndo(doc, sam, id)).toThrow(/author/);
    expect(readItem(doc, id)).toMatchObject({ text: 'the soup' });
  });
});
