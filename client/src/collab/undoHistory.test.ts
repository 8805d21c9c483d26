import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addStep,
  createExperience,
  getItemText,
  getStepText,
  itemsOf,
  readItem,
  readItemOfKind,
  touchItem,
  updateStep,
  type BoardActor,
} from '@hearth/shared/board';
import { UndoHistory, undoKeyAction } from './undoHistory';
import { LOCAL_ORIGIN } from './origins';

const PARTNERS = ['a00000000000000000000001', 'b00000000000000000000002'] as const;
const alice: BoardActor = { userId: PARTNERS[0], partnerIds: PARTNERS };
const bob: BoardActor = { userId: PARTNERS[1], partnerIds: PARTNERS };
const mine = { origin: LOCAL_ORIGIN };

/** What the provider does: the other replica's changes arrive with a non-local origin. */
function sync(from: Y.Doc, to: Y.Doc) {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), 'provider');
}
function both(a: Y.Doc, b: Y.Doc) {
  sync(a, b);
  sync(b, a);
}

/** Alex's replica with his undo history, and Sam's replica; Sam's client id reads as "Sam". */
function couple() {
  const alex = new Y.Doc();
  const sam = new Y.Doc();
  const history = new UndoHistory();
  history.track(alex, itemsOf(alex), (clientId) => (clientId === sam.clientID ? { userId: bob.userId, name: 'Sam' } : null));
  return { alex, sam, history };
}

/** Typing as the text binding does: one local transaction per keystroke batch. */
function type(doc: Y.Doc, text: Y.Text, at: number, words: string, origin: unknown = LOCAL_ORIGIN) {
  doc.transact(() => text.insert(at, words), origin);
}

const title = (doc: Y.Doc, id: string) => getItemText(doc, id, 'title')!.toString();
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('UndoHistory', () => {
  it('undoes only my own edit, never the partner’s', () => {
    const { alex, sam, history } = couple();
    const id = createExperience(alex, alice, { title: 'Hills' }, mine);
    history.stopCapturing();
    sync(alex, sam);
    touchItem(sam, bob, { itemId: id });
    type(sam, getItemText(sam, id, 'notes')!, 0, 'book the cabin', null);
    type(alex, getItemText(alex, id, 'where')!, 0, 'Lakes');
    both(alex, sam);

    expect(history.undo().changed).toBe(true);
    both(alex, sam);
    expect(getItemText(sam, id, 'where')!.toString()).toBe('');
    expect(getItemText(sam, id, 'notes')!.toString()).toBe('book the cabin');
  });

  it('after both typed into one title, one Undo removes only my words and keeps the item', () => {
    const { alex, sam, history } = couple();
    const id = createExperience(alex, alice, { title: 'Weekend' }, mine);
    sync(alex, sam);
    // Both type at once into the same title (creation and typing within the capture time).
    type(alex, getItemText(alex, id, 'title')!, 7, ' in the hills');
    type(sam, getItemText(sam, id, 'title')!, 0, 'Long ', null);
    touchItem(sam, bob, { itemId: id });
    both(alex, sam);
    expect(title(alex, id)).toBe('Long Weekend in the hills');

    const outcome = history.undo();
    both(alex, sam);
    expect(outcome).toEqual({ changed: true, kept: [] });
    expect(itemsOf(sam).has(id)).toBe(true);
    expect(title(sam, id)).toBe('Long Weekend');

    // One Redo click brings my words back.
    expect(history.redo().changed).toBe(true);
    both(alex, sam);
    expect(title(sam, id)).toBe('Long Weekend in the hills');
  });

  it('leaves a field the partner set at the same time with a value (the item stays readable)', () => {
    // Whichever concurrent write wins, undoing mine must not leave the field without any value:
    // a card missing its updatedAt cannot be read and would vanish from both screens.
    for (const alexWins of [true, false]) {
      const { alex, sam, history } = couple();
      alex.clientID = alexWins ? 2_000_000 : 1_000;
      sam.clientID = alexWins ? 1_000 : 2_000_000;
      const id = createExperience(alex, alice, { title: 'Weekend' }, mine);
      sync(alex, sam);
      history.stopCapturing();
      type(alex, getItemText(alex, id, 'title')!, 7, ' away');
      touchItem(alex, alice, { itemId: id }, mine);
      touchItem(sam, bob, { itemId: id });
      both(alex, sam);

      expect(history.undo().changed).toBe(true);
      both(alex, sam);
      for (const doc of [alex, sam]) {
        expect(() => readItem(doc, id)).not.toThrow();
        expect(title(doc, id)).toBe('Weekend');
      }
    }
  });

  it('never deletes an item someone else has edited since I created it, and says who', () => {
    const { alex, sam, history } = couple();
    const id = createExperience(alex, alice, { title: 'Weekend' }, mine);
    sync(alex, sam);
    type(sam, getItemText(sam, id, 'notes')!, 0, 'bring boots', null);
    sync(sam, alex);

    const outcome = history.undo();
    expect(outcome.changed).toBe(false);
    expect(outcome.kept).toEqual([{ itemId: id, label: 'Weekend', userId: bob.userId, name: 'Sam', updatedBy: alice.userId }]);
    both(alex, sam);
    expect(title(sam, id)).toBe('Weekend');
    expect(getItemText(sam, id, 'notes')!.toString()).toBe('bring boots');
    // The skipped step is gone: nothing is left to undo, and nothing to redo.
    expect(history.canUndo()).toBe(false);
    expect(history.canRedo()).toBe(false);
  });

  it('never removes a checklist step the partner has typed into', () => {
    const { alex, sam, history } = couple();
    const id = createExperience(sam, bob, { title: 'Cabin' }, { origin: null });
    sync(sam, alex);
    const stepId = addStep(alex, alice, { itemId: id, text: 'pack' }, mine);
    sync(alex, sam);
    type(sam, getStepText(sam, id, stepId)!, 4, ' the tent', null);
    sync(sam, alex);

    const outcome = history.undo();
    expect(outcome.kept).toHaveLength(1);
    expect(outcome.kept[0]).toMatchObject({ itemId: id, label: 'Cabin', name: 'Sam' });
    expect(getStepText(alex, id, stepId)!.toString()).toBe('pack the tent');
  });

  it('never puts the partner’s tick back in my name: undoing my untick of it is skipped and said', () => {
    const { alex, sam, history } = couple();
    const id = createExperience(sam, bob, { title: 'Cabin', steps: [{ text: 'pack' }] }, { origin: null });
    const stepId = readItemOfKind(sam, id, 'experience').steps[0]!.id;
    updateStep(sam, bob, { itemId: id, stepId, done: true }, { origin: null });
    sync(sam, alex);
    updateStep(alex, alice, { itemId: id, stepId, done: false }, mine);
    sync(alex, sam);

    // Yjs would restore Sam's doneBy as Alex's own write, which the server refuses (forged-author).
    const outcome = history.undo();
    expect(outcome.changed).toBe(false);
    expect(outcome.kept).toEqual([expect.objectContaining({ itemId: id, label: 'Cabin', name: 'Sam', reason: 'theirs' })]);
    const step = readItemOfKind(alex, id, 'experience').steps[0]!;
    expect(step).toMatchObject({ done: false, doneBy: null });
    expect(history.canUndo()).toBe(false);
  });

  it('undoes my untick of my own tick', () => {
    const { alex, history } = couple();
    const id = createExperience(alex, alice, { title: 'Cabin', steps: [{ text: 'pack' }] }, { origin: null });
    const stepId = readItemOfKind(alex, id, 'experience').steps[0]!.id;
    updateStep(alex, alice, { itemId: id, stepId, done: true }, { origin: null });
    updateStep(alex, alice, { itemId: id, stepId, done: false }, mine);
    expect(history.undo()).toEqual({ changed: true, kept: [] });
    expect(readItemOfKind(alex, id, 'experience').steps[0]).toMatchObject({ done: true, doneBy: alice.userId });
  });

  it('keeps creating an item and typing into it as separate steps', () => {
    const { alex, history } = couple();
    const id = createExperience(alex, alice, { title: 'Picnic' }, mine);
    type(alex, getItemText(alex, id, 'where')!, 0, 'by the river');
    type(alex, getItemText(alex, id, 'where')!, 12, ', Sunday');

    expect(history.undo().changed).toBe(true);
    expect(itemsOf(alex).has(id)).toBe(true);
    expect(getItemText(alex, id, 'where')!.toString()).toBe('');
    expect(history.undo().changed).toBe(true);
    expect(itemsOf(alex).has(id)).toBe(false);
  });

  it('redoes one step per click', () => {
    const { alex, history } = couple();
    const id = createExperience(alex, alice, { title: 'Picnic' }, mine);
    type(alex, getItemText(alex, id, 'where')!, 0, 'by the river');
    history.undo();
    history.undo();
    expect(itemsOf(alex).has(id)).toBe(false);

    expect(history.redo().changed).toBe(true);
    expect(title(alex, id)).toBe('Picnic');
    expect(getItemText(alex, id, 'where')!.toString()).toBe('');
    expect(history.redo().changed).toBe(true);
    expect(getItemText(alex, id, 'where')!.toString()).toBe('by the river');
    expect(history.canRedo()).toBe(false);
  });

  it('does not redo a deletion over the partner’s later work', () => {
    const { alex, sam, history } = couple();
    const id = createExperience(sam, bob, { title: 'Museum' }, { origin: null });
    sync(sam, alex);
    alex.transact(() => itemsOf(alex).delete(id), LOCAL_ORIGIN);
    history.undo(); // the item is back
    expect(itemsOf(alex).has(id)).toBe(true);
    sync(alex, sam);
    type(sam, getItemText(sam, id, 'notes')!, 0, 'free on Sundays', null);
    sync(sam, alex);

    const outcome = history.redo();
    expect(outcome.changed).toBe(false);
    expect(outcome.kept).toMatchObject([{ itemId: id, name: 'Sam' }]);
    expect(getItemText(alex, id, 'notes')!.toString()).toBe('free on Sundays');
  });

  it('passes over steps the partner has already reverted, so one click still changes something', () => {
    const { alex, sam, history } = couple();
    const id = createExperience(sam, bob, { title: 'Walk' }, { origin: null });
    sync(sam, alex);
    type(alex, getItemText(alex, id, 'where')!, 0, 'park');
    history.stopCapturing();
    type(alex, getItemText(alex, id, 'notes')!, 0, 'bring tea');
    sync(alex, sam);
    // Sam deletes the notes Alex wrote.
    sam.transact(() => getItemText(sam, id, 'notes')!.delete(0, 9));
    sync(sam, alex);

    expect(history.undo().changed).toBe(true);
    expect(getItemText(alex, id, 'where')!.toString()).toBe('');
  });

  it('undoes the most recent edit across documents first', async () => {
    const shared = new Y.Doc();
    const privateDoc = new Y.Doc();
    const history = new UndoHistory();
    history.track(shared, itemsOf(shared));
    history.track(privateDoc, itemsOf(privateDoc));

    shared.transact(() => itemsOf(shared).set('a', new Y.Map()), LOCAL_ORIGIN);
    await tick();
    privateDoc.transact(() => itemsOf(privateDoc).set('p', new Y.Map()), LOCAL_ORIGIN);

    history.undo();
    expect(itemsOf(privateDoc).size).toBe(0);
    expect(itemsOf(shared).size).toBe(1);
    history.undo();
    expect(itemsOf(shared).size).toBe(0);
    expect(history.canUndo()).toBe(false);
    expect(history.canRedo()).toBe(true);
  });

  it('undoes a change that wrote two documents at once (moving an item) in one click', () => {
    const shared = new Y.Doc();
    const couples = new Y.Doc();
    const history = new UndoHistory();
    history.track(shared, itemsOf(shared));
    history.track(couples, itemsOf(couples));
    couples.transact(() => itemsOf(couples).set('a', new Y.Map()), 'provider');
    // Like moveItem: write the target, then delete the source, in one synchronous run.
    shared.transact(() => itemsOf(shared).set('a', new Y.Map()), LOCAL_ORIGIN);
    couples.transact(() => itemsOf(couples).delete('a'), LOCAL_ORIGIN);

    expect(history.undo().changed).toBe(true);
    expect(itemsOf(shared).has('a')).toBe(false);
    expect(itemsOf(couples).has('a')).toBe(true);
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
