import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import { itemsOf } from '@hearth/shared/board';
import { editorsOf, releaseEditing } from './editingState';

/** Alex's view of a board document, and Sam's screen whose presence reaches it. */
function setup() {
  const doc = new Y.Doc();
  itemsOf(doc).set('item-1', new Y.Map());
  itemsOf(doc).set('item-2', new Y.Map());
  const alex = new Awareness(doc);
  alex.setLocalStateField('user', { id: 'u1', name: 'Alex', role: 'partner' });
  const sam = new Awareness(new Y.Doc());
  sam.setLocalState({ user: { id: 'u2', name: 'Sam', role: 'partner' }, editing: 'item-1' });
  const deliver = () => applyAwarenessUpdate(alex, encodeAwarenessUpdate(sam, [sam.clientID]), 'remote');
  deliver();
  return { doc, alex, sam, deliver };
}

describe('who is editing an item', () => {
  it('names the partner while their caret is in the item, and not once they leave it', () => {
    const { doc, alex, sam, deliver } = setup();
    expect(editorsOf([alex], doc, 'item-1', 'u1')).toEqual(['Sam']);
    expect(editorsOf([alex], doc, 'item-2', 'u1')).toEqual([]);
    sam.setLocalStateField('editing', null);
    deliver();
    expect(editorsOf([alex], doc, 'item-1', 'u1')).toEqual([]);
  });

  it('clears when the item is removed while their caret is in it', () => {
    const { doc, alex } = setup();
    itemsOf(doc).delete('item-1');
    expect(editorsOf([alex], doc, 'item-1', 'u1')).toEqual([]);
  });

  it('clears when the partner disconnects', () => {
    const { doc, alex, sam } = setup();
    removeAwarenessStates(alex, [sam.clientID], 'server');
    expect(editorsOf([alex], doc, 'item-1', 'u1')).toEqual([]);
  });

  it('counts only the presence of the document the item lives in', () => {
    const { alex } = setup();
    // The same id in another document (an item moved to another visibility).
    const other = new Y.Doc();
    itemsOf(other).set('item-1', new Y.Map());
    expect(editorsOf([alex], other, 'item-1', 'u1')).toEqual([]);
  });

  it('a screen stops announcing an item it no longer shows, and only that item', () => {
    const { sam } = setup();
    releaseEditing(sam, 'item-2');
    expect(sam.getLocalState()?.editing).toBe('item-1');
    releaseEditing(sam, 'item-1');
    expect(sam.getLocalState()?.editing).toBeNull();
  });
});
