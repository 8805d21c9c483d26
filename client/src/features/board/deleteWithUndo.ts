import * as Y from 'yjs';
import { deleteItem, itemsOf, type BoardActor } from '@hearth/shared/board';

export interface DeletedItem {
  /** Puts the item back as it was (text, steps, history, position, id). */
  undo(): void;
  /** Forgets how to undo (the toast went away). */
  forget(): void;
}

/**
 * Deletes an item through the board model with an undo of its own: a Y.UndoManager that
 * tracks only this one deletion, so undoing it never reverts anything else (neither the
 * person's other edits nor the partner's).
 */
export function deleteWithUndo(doc: Y.Doc, actor: BoardActor, itemId: string): DeletedItem {
  const origin = Symbol('hearth-delete');
  const manager = new Y.UndoManager(itemsOf(doc), { trackedOrigins: new Set([origin]), captureTimeout: 0 });
  try {
    deleteItem(doc, actor, { itemId }, { origin });
  } catch (error) {
    manager.destroy();
    throw error;
  }
  return {
    undo() {
      manager.undo();
      manager.destroy();
    },
    forget() {
      manager.destroy();
    },
  };
}
