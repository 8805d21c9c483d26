import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { UndoHistory, undoKeyAction } from './undoHistory';
import { LOCAL_ORIGIN } from './origins';

function sync(from: Y.Doc, to: Y.Doc) {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), 'provider');
}

describe('UndoHistory', () => {
  it('undoes only my own edit, never the partner\'s', () => {
    const mine = new Y.Doc();
    const partner = new Y.Doc();
    const history = new UndoHistory();
    history.track(mine, [mine.getMap('items')]);

    mine.transact(() => mine.getMap('items').set('a', 'my promise'), LOCAL_ORIGIN);
    sync(mine, partner);
    partner.getMap('items').set('b', 'partner promise');
    sync(partner, mine);

    expect(history.undo()).toBe(true);
    expect(mine.getMap('items').toJSON()).toEqual({ b: 'partner promise' });
    expect(history.undo()).toBe(false);
    expect(history.redo()).toBe(true);
    expect(mine.getMap('items').toJSON()).toEqual({ a: 'my promise', b: 'partner promise' });
  });

  it('undoes the most recent edit across documents first', () => {
    const shared = new Y.Doc();
    const privateDoc = new Y.Doc();
    const history = new UndoHistory();
    history.track(shared, [shared.getMap('items')]);
    history.track(privateDoc, [privateDoc.getMap('items')]);

    shared.transact(() => shared.getMap('items').set('a', 1), LOCAL_ORIGIN);
    privateDoc.transact(() => privateDoc.getMap('items').set('p', 1), LOCAL_ORIGIN);

    history.undo();
    expect(privateDoc.getMap('items').size).toBe(0);
    expect(shared.getMap('items').size).toBe(1);
    history.undo();
    expect(shared.getMap('items').size).toBe(0);
    expect(history.canUndo()).toBe(false);
    expect(history.canRedo()).toBe(true);
  });

  it('maps the usual shortcuts', () => {
    const base = { ctrlKey: false, metaKey: false, shiftKey: false, altKey: false };
    expect(undoKeyAction({ ...base, key: 'z', ctrlKey: true })).toBe('undo');
    expect(undoKeyAction({ ...base, key: 'z', metaKey: true })).toBe('undo');
    expect(undoKeyAction({ ...base, key: 'Z', ctrlKey: true, shiftKey: true })).toBe('redo');
    expect(undoKeyAction({ ...base, key: 'y', ctrlKey: true })).toBe('redo');
    expect(undoKeyAction({ ...base, key: 'z' })).toBeNull();
  });
});
