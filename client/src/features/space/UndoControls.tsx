import { useEffect, useSyncExternalStore } from 'react';
import { undoKeyAction, type UndoHistory } from '../../collab/undoHistory';

/** Undo/redo buttons plus the keyboard shortcuts, for your own edits only. */
export function UndoControls({ history }: { history: UndoHistory }) {
  useSyncExternalStore(history.subscribe, history.getVersion);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const action = undoKeyAction(event);
      if (!action) return;
      // A plain form field (not bound to the board) keeps the browser's own undo.
      const target = event.target;
      if ((target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) && !target.hasAttribute('data-ytext')) return;
      // Replace the browser's own input undo: it would fight the shared document.
      event.preventDefault();
      if (action === 'undo') history.undo();
      else history.redo();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [history]);

  return (
    <div className="row" role="group" aria-label="Undo and redo your own changes">
      <button type="button" className="button small" onClick={() => history.undo()} disabled={!history.canUndo()} aria-keyshortcuts="Control+Z Meta+Z">
        Undo
      </button>
      <button type="button" className="button small" onClick={() => history.redo()} disabled={!history.canRedo()} aria-keyshortcuts="Control+Shift+Z Control+Y">
        Redo
      </button>
    </div>
  );
}
